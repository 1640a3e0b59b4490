import type { Finding } from '../../domain/legal/finding';

export interface ValidationBlocker {
  /** i18n key under office.blockers. */
  key: 'subject' | 'academicTutor' | 'host' | 'legalErrors' | 'legalWarnings';
  severity: 'error' | 'warning';
  count?: number;
}

export interface BlockerInput {
  subjectState: string | null;
  /** The referent the office sees: the programme head's, or else the student's choice (`effectiveAcademicTutorId`). */
  academicTutorId: number | null;
  organisationValidated: boolean | null;
  findings: readonly Pick<Finding, 'severity'>[];
}

/**
 * The convention's academic referent: the one the programme head assigned on the subject wins (the wizard shows it
 * read-only); without one, the teacher the student chose on the wizard's step.
 */
export function effectiveAcademicTutorId(subjectTutorId: number | null | undefined, chosenTutorId: number | null | undefined) {
  return subjectTutorId ?? chosenTutorId ?? null;
}

/** What stands between a submitted convention and its validation, as the workflow will judge it (validateRefusal). */
export function validationBlockers(input: BlockerInput): ValidationBlocker[] {
  const blockers: ValidationBlocker[] = [];
  if (input.subjectState !== 'validated') blockers.push({ key: 'subject', severity: 'error' });
  if (!input.academicTutorId) blockers.push({ key: 'academicTutor', severity: 'error' });
  if (!input.organisationValidated) blockers.push({ key: 'host', severity: 'error' });
  const errors = input.findings.filter((finding) => finding.severity === 'E').length;
  const warnings = input.findings.filter((finding) => finding.severity === 'W').length;
  if (errors > 0) blockers.push({ key: 'legalErrors', severity: 'error', count: errors });
  if (warnings > 0) blockers.push({ key: 'legalWarnings', severity: 'warning', count: warnings });
  return blockers;
}
