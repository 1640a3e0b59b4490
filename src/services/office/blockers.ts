import type { Finding } from '../../domain/legal/finding';

export interface ValidationBlocker {
  /** i18n key under office.blockers. */
  key: 'subject' | 'academicTutor' | 'host' | 'legalErrors' | 'legalWarnings';
  severity: 'error' | 'warning';
  count?: number;
}

export interface BlockerInput {
  subjectState: string | null;
  subjectTutorId: number | null;
  organisationValidated: boolean | null;
  findings: readonly Pick<Finding, 'severity'>[];
}

/** What stands between a submitted convention and its validation, as the workflow will judge it (validateRefusal). */
export function validationBlockers(input: BlockerInput): ValidationBlocker[] {
  const blockers: ValidationBlocker[] = [];
  if (input.subjectState !== 'validated') blockers.push({ key: 'subject', severity: 'error' });
  if (!input.subjectTutorId) blockers.push({ key: 'academicTutor', severity: 'error' });
  if (!input.organisationValidated) blockers.push({ key: 'host', severity: 'error' });
  const errors = input.findings.filter((finding) => finding.severity === 'E').length;
  const warnings = input.findings.filter((finding) => finding.severity === 'W').length;
  if (errors > 0) blockers.push({ key: 'legalErrors', severity: 'error', count: errors });
  if (warnings > 0) blockers.push({ key: 'legalWarnings', severity: 'warning', count: warnings });
  return blockers;
}
