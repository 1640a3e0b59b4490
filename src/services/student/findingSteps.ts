import type { Finding } from '../../domain/legalRules';
import { uniformDailyHours, type WeeklySchedule } from '../../domain/weeklySchedule';
import type { WizardStep } from './wizardSteps';

const steps: Record<string, WizardStep> = {
  professionalTutorName: 'tutor',
  academicTutorName: 'academic-tutor',
  hostSignatoryName: 'signatory',
  country: 'organisation',
  academicYear: 'personal',
  leaveDaysGranted: 'leave',
  legalRepresentative: 'legal-representative',
};

/** The wizard step where a legal finding's field is corrected; programme settings have none. */
export function stepOfField(field: string | undefined): WizardStep | null {
  if (!field || field.startsWith('programme')) return null;
  return steps[field] ?? 'internship';
}

/** The findings the internship step shows next to its fields. */
export function internshipStepFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => stepOfField(finding.field) === 'internship');
}

/**
 * The id of the input a finding's field is corrected in. A regular schedule is entered as days and one
 * number of hours, so a finding on one day or on the week points to those inputs; a varying one to the
 * day's own input.
 */
export function anchorOfField(field: string | undefined, schedule: WeeklySchedule | null): string | undefined {
  if (!field || !schedule || uniformDailyHours(schedule) === null) return field;
  if (/^dayHours[1-7]$/.test(field)) return 'hoursPerDay';
  if (field === 'weeklySchedule') return 'workingDays';
  return field;
}

/** Findings after a save that were not there before it: what the student learns from this post. */
export function newFindings(before: readonly Finding[] | null, after: readonly Finding[]): Finding[] {
  const key = (finding: Finding) => JSON.stringify([finding.code, finding.field, finding.params]);
  const known = new Set((before ?? []).map(key));
  return after.filter((finding) => !known.has(key(finding)));
}
