/** The wizard's screens, in the order of the original Pstage guide; each one is a URL segment and a folder. */
export const wizardSteps = [
  'personal',
  'organisation',
  'service',
  'tutor',
  'internship',
  'review',
  'academic-tutor',
  'signatory',
  'recap',
] as const;
export type WizardStep = (typeof wizardSteps)[number];

export function stepNumber(step: WizardStep): number {
  return wizardSteps.indexOf(step) + 1;
}

/** Where a draft resumes: the step after the last one completed. */
export function nextStepOf(convention: { lastCompletedStep: number }): WizardStep {
  return wizardSteps[Math.min(convention.lastCompletedStep, wizardSteps.length - 1)];
}

/** A step may be opened once every step before it is completed. */
export function isReachable(step: WizardStep, convention: { lastCompletedStep: number }): boolean {
  return stepNumber(step) <= convention.lastCompletedStep + 1;
}
