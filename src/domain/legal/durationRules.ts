import { yearsAboveCap } from '../hostCumulation';
import { ConventionRule, hostCumulationOf } from './conventionRuleInput';
import { warning, error } from './finding';

/** The declared and computed totals are compared to the hundredth of an hour. */
const TOTAL_HOURS_TOLERANCE = 0.01;

/**
 * L124-5: at most 924 h per student, host and academic year, all conventions added, each counting the hours
 * that fall in the year. One error per year over the cap; the office may override (legal exceptions).
 */
export const hostYearCap: ConventionRule = (input, thresholds) => {
  const cap = thresholds.duration.maxHoursPerHostPerAcademicYear;
  return yearsAboveCap(hostCumulationOf(input), cap).map((year) =>
    error(
      'legal.hostYearCapExceeded',
      { total: year.total, cap, otherHours: year.otherHours, academicYear: year.academicYear },
      'endDate',
      true,
    ),
  );
};

/** A declared total that differs from the computed one is shown with its reason; the computed total still binds. */
export const declaredTotalMatchesComputed: ConventionRule = (input) => {
  const declared = input.declaredTotalHours;
  if (declared === null || Math.abs(declared - input.computedTotalHours) <= TOTAL_HOURS_TOLERANCE) return [];
  const reason = input.declaredTotalReason?.trim();
  const params = { declared, computed: input.computedTotalHours, ...(reason ? { reason } : {}) };
  return [
    warning(
      reason ? 'legal.totalHoursMismatch' : 'legal.totalHoursMismatchUnexplained',
      params,
      reason ? 'declaredTotalHours' : 'declaredTotalReason',
    ),
  ];
};
