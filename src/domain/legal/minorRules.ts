import { weeklyHours } from '../hours';
import { ConventionRule } from './conventionRuleInput';
import { error, Finding } from './finding';

/** Interns under 18: at most 8 h a day and 35 h a week, and never at night. */
export const minorWorkingTime: ConventionRule = (input, thresholds) => {
  if (!input.isMinor) return [];
  const limits = thresholds.workingTime.minor;
  const hoursPerWeek = weeklyHours(input.workingDays, input.hoursPerDay);
  const findings: Finding[] = [];
  if (input.hoursPerDay > limits.maxHoursPerDay) {
    findings.push(error('legal.minorDailyHoursExceeded', { hours: input.hoursPerDay, max: limits.maxHoursPerDay }, 'hoursPerDay'));
  }
  if (hoursPerWeek > limits.maxHoursPerWeek) {
    findings.push(error('legal.minorWeeklyHoursExceeded', { hours: hoursPerWeek, max: limits.maxHoursPerWeek }, 'workingDays'));
  }
  if (input.nightPresence) {
    findings.push(error('legal.minorNightPresence', {}, 'nightPresence'));
  }
  return findings;
};
