import { highestAverageWeeklyHours } from '../presenceBreakdown';
import { hoursOn, scheduleWeeklyHours, SUNDAY, WeeklySchedule, WEEKDAYS } from '../weeklySchedule';
import { ConventionRule, ConventionRuleInput } from './conventionRuleInput';
import { error, Finding, warning } from './finding';

/** The form field of the week as a whole (the per-day inputs are `dayHours1` … `dayHours7`). */
export const WEEKLY_SCHEDULE_FIELD = 'weeklySchedule';

/**
 * One finding for the days of the week above `max`, on the longest of them: its weekday and hours, and
 * `count` the days above the limit (a regular 12 h schedule is one finding, not five).
 */
export function longestDayAbove(schedule: WeeklySchedule, max: number, code: string): Finding[] {
  const over = WEEKDAYS.filter((day) => hoursOn(schedule, day) > max);
  if (over.length === 0) return [];
  const day = over.reduce((longest, candidate) => (hoursOn(schedule, candidate) > hoursOn(schedule, longest) ? candidate : longest));
  return [error(code, { day, hours: hoursOn(schedule, day), max, count: over.length }, `dayHours${day}`)];
}

/**
 * L124-14: the host's rules for its employees apply. Each day at most 10 h, each week at most 48 h, and at most
 * 44 h on average over any 12 consecutive weeks (L3121-22, from the calendar: holidays and interruptions lower it,
 * weeks outside the internship count as empty). Above the host's usual week: a warning.
 */
export const workingTimeLimits: ConventionRule = (input, thresholds) => {
  const limits = thresholds.workingTime;
  const hoursPerWeek = scheduleWeeklyHours(input.weeklySchedule);
  const findings = longestDayAbove(input.weeklySchedule, limits.maxHoursPerDay, 'legal.dailyHoursExceeded');
  if (hoursPerWeek > limits.maxHoursPerWeek) {
    findings.push(error('legal.weeklyHoursExceeded', { hours: hoursPerWeek, max: limits.maxHoursPerWeek }, WEEKLY_SCHEDULE_FIELD));
    return findings;
  }
  const average = highestAverageWeeklyHours(input.presenceByWeek, limits.averagePeriodWeeks);
  if (average > limits.maxAverageWeeklyHours) {
    const params = { average, max: limits.maxAverageWeeklyHours, weeks: limits.averagePeriodWeeks };
    findings.push(error('legal.averageWeeklyHoursExceeded', params, WEEKLY_SCHEDULE_FIELD));
    return findings;
  }
  const usual = input.hostUsualWeeklyHours ?? limits.usualWeeklyHours;
  if (hoursPerWeek > usual) {
    findings.push(warning('legal.aboveUsualWeeklyHours', { hours: hoursPerWeek, usual }, WEEKLY_SCHEDULE_FIELD));
  }
  return findings;
};

type Occasional = 'night' | 'sunday' | 'holiday';

/**
 * Night, Sunday and public-holiday presence must be described, and the hours outside the weekly schedule given,
 * since they count in the total. A schedule with Sunday hours is Sunday presence already counted.
 */
export const unusualPresenceDescribed: ConventionRule = (input) => {
  const findings: Finding[] = [];
  const occasional: Record<Occasional, boolean> = {
    night: input.nightPresence,
    sunday: input.sundayPresence,
    holiday: input.holidayPresence,
  };
  for (const kind of ['night', 'sunday', 'holiday'] as const) {
    const present = kind === 'sunday' ? hasSundayPresence(input) : occasional[kind];
    if (present && !input[`${kind}Description`]?.trim()) findings.push(error(`legal.${kind}PresenceUndescribed`, {}, `${kind}Description`));
    const hours = input[`${kind}Hours`];
    if (occasional[kind] && (hours === null || hours === undefined)) findings.push(error(`legal.${kind}HoursMissing`, {}, `${kind}Hours`));
  }
  return findings;
};

export function hasSundayPresence(input: ConventionRuleInput): boolean {
  return input.sundayPresence || hoursOn(input.weeklySchedule, SUNDAY) > 0;
}
