import { ConventionRule, conventionHours } from './conventionRuleInput';
import { error, warning } from './finding';

/**
 * D124-4 10°, L124-13: beyond two months (308 hours) the convention must provide for leave and authorised
 * absences. Stating no leave days is an error; granting none is a warning (the absence terms may still allow
 * leave), which the office judges.
 */
export const leaveProvisions: ConventionRule = (input, thresholds) => {
  const hours = conventionHours(input);
  if (hours <= thresholds.gratification.mandatoryAboveHours) return [];
  const params = { hours, threshold: thresholds.gratification.mandatoryAboveHours };
  if (input.leaveDaysGranted === null) return [error('legal.missing.leaveDaysGranted', params, 'leaveDaysGranted')];
  return input.leaveDaysGranted === 0 ? [warning('legal.noLeaveOnLongInternship', params, 'leaveDaysGranted')] : [];
};
