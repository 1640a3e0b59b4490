import type { WizardStep } from '../../../../services/student/wizardSteps';

const steps: Record<string, WizardStep> = {
  professionalTutorName: 'tutor',
  academicTutorName: 'academic-tutor',
  hostSignatoryName: 'signatory',
  country: 'organisation',
};

/** The wizard step where a legal finding's field is corrected; programme settings have none. */
export function stepOfField(field: string | undefined): WizardStep | null {
  if (!field || field.startsWith('programme')) return null;
  return steps[field] ?? 'internship';
}
