import { longestRestRun, scheduleWeeklyHours } from '../weeklySchedule';
import { ConventionRule } from './conventionRuleInput';
import { error, Finding } from './finding';
import { hasSundayPresence, longestDayAbove, WEEKLY_SCHEDULE_FIELD } from './workingTimeRules';

/**
 * Interns under 18 on the first day: at most 8 h a day and 35 h a week, two consecutive rest days each week
 * (L3164-2, Sunday and Monday count as consecutive), never at night; on Sundays or public holidays (L3164-5,
 * L3164-6) only under a derogation the convention states (sector and collective agreement, L3164-8).
 */
export const minorWorkingTime: ConventionRule = (input, thresholds) => {
  if (!input.isMinor) return [];
  const limits = thresholds.workingTime.minor;
  const hoursPerWeek = scheduleWeeklyHours(input.weeklySchedule);
  const findings: Finding[] = longestDayAbove(input.weeklySchedule, limits.maxHoursPerDay, 'legal.minorDailyHoursExceeded');
  if (hoursPerWeek > limits.maxHoursPerWeek) {
    findings.push(error('legal.minorWeeklyHoursExceeded', { hours: hoursPerWeek, max: limits.maxHoursPerWeek }, WEEKLY_SCHEDULE_FIELD));
  }
  if (longestRestRun(input.weeklySchedule) < limits.consecutiveRestDays) {
    findings.push(error('legal.minorRestDays', { days: limits.consecutiveRestDays }, WEEKLY_SCHEDULE_FIELD));
  }
  if (input.nightPresence) {
    findings.push(error('legal.minorNightPresence', {}, 'nightPresence'));
  }
  const derogation = Boolean(input.minorDerogation?.trim());
  if (hasSundayPresence(input) && !derogation) findings.push(error('legal.minorSundayPresence', {}, 'minorDerogation'));
  if (input.holidayPresence && !derogation) findings.push(error('legal.minorHolidayPresence', {}, 'minorDerogation'));
  return findings;
};
