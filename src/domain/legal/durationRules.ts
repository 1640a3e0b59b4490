import { ConventionRule, hoursWithSameHost } from './conventionRuleInput';
import { error, warning } from './finding';

/** The declared and computed totals are compared to the hundredth of an hour. */
const TOTAL_HOURS_TOLERANCE = 0.01;

/** L124-5: at most 924 h per student, host and academic year, all conventions added. The office may override. */
export const hostYearCap: ConventionRule = (input, thresholds) => {
  const total = hoursWithSameHost(input);
  const cap = thresholds.duration.maxHoursPerHostPerAcademicYear;
  if (total <= cap) return [];
  const params = { total, cap, otherHours: input.otherHoursSameHostSameYear };
  return [error('legal.hostYearCapExceeded', params, 'declaredTotalHours', true)];
};

export const declaredTotalMatchesComputed: ConventionRule = (input) => {
  const declared = input.declaredTotalHours;
  if (declared === null || Math.abs(declared - input.computedTotalHours) <= TOTAL_HOURS_TOLERANCE) return [];
  return [warning('legal.totalHoursMismatch', { declared, computed: input.computedTotalHours }, 'declaredTotalHours')];
};
