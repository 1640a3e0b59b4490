import { weeklyHours } from '../hours';
import { ConventionRule, ConventionRuleInput } from './conventionRuleInput';
import { error, Finding, warning } from './finding';

const SUNDAY = 7;

/** L124-14: the host's rules for its employees apply; 10 h a day and 48 h a week are the legal maximums. */
export const workingTimeLimits: ConventionRule = (input, thresholds) => {
  const limits = thresholds.workingTime;
  const hoursPerWeek = weeklyHours(input.workingDays, input.hoursPerDay);
  const findings: Finding[] = [];
  if (input.hoursPerDay > limits.maxHoursPerDay) {
    findings.push(error('legal.dailyHoursExceeded', { hours: input.hoursPerDay, max: limits.maxHoursPerDay }, 'hoursPerDay'));
  }
  if (hoursPerWeek > limits.maxHoursPerWeek) {
    findings.push(error('legal.weeklyHoursExceeded', { hours: hoursPerWeek, max: limits.maxHoursPerWeek }, 'workingDays'));
  } else {
    const usual = input.hostUsualWeeklyHours ?? limits.usualWeeklyHours;
    if (hoursPerWeek > usual) {
      findings.push(warning('legal.aboveUsualWeeklyHours', { hours: hoursPerWeek, usual }, 'workingDays'));
    }
  }
  return findings;
};

/** Night, Sunday and public-holiday presence must be described; a schedule that includes Sunday counts as Sunday presence. */
export const unusualPresenceDescribed: ConventionRule = (input) => {
  const findings: Finding[] = [];
  const checks: [boolean, string | null | undefined, string, string][] = [
    [input.nightPresence, input.nightDescription, 'legal.nightPresenceUndescribed', 'nightDescription'],
    [hasSundayPresence(input), input.sundayDescription, 'legal.sundayPresenceUndescribed', 'sundayDescription'],
    [input.holidayPresence, input.holidayDescription, 'legal.holidayPresenceUndescribed', 'holidayDescription'],
  ];
  for (const [present, description, code, field] of checks) {
    if (present && !description?.trim()) findings.push(error(code, {}, field));
  }
  return findings;
};

export function hasSundayPresence(input: ConventionRuleInput): boolean {
  return input.sundayPresence || input.workingDays.includes(SUNDAY);
}
