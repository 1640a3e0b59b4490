import { isMinorOn } from '../../domain/minority';
import type { Convention } from '../../models/conventionRepository';

/**
 * The wizard's screens, in the order of the original Pstage guide; each one is a URL segment and a folder.
 * Steps added later come after the signatory, so that a draft's `lastCompletedStep` keeps its meaning.
 */
export const wizardSteps = [
  'personal',
  'organisation',
  'service',
  'tutor',
  'internship',
  'review',
  'academic-tutor',
  'signatory',
  'leave',
  'legal-representative',
  'recap',
] as const;
export type WizardStep = (typeof wizardSteps)[number];

type Progress = Pick<Convention, 'lastCompletedStep'> & Partial<Pick<Convention, 'student' | 'startDate'>>;

export function stepNumber(step: WizardStep): number {
  return wizardSteps.indexOf(step) + 1;
}

/** The legal representative's step is only for a student who is a minor on the first day; other steps always apply. */
export function stepApplies(step: WizardStep, convention: Progress): boolean {
  if (step !== 'legal-representative') return true;
  return isMinorOn(convention.student?.birthDate, convention.startDate);
}

/** The steps this draft goes through, in order: what the stepper shows and numbers. */
export function stepsOf(convention: Progress): WizardStep[] {
  return wizardSteps.filter((step) => stepApplies(step, convention));
}

/** A step may be opened once every step before it that applies is completed. */
export function isReachable(step: WizardStep, convention: Progress): boolean {
  return wizardSteps
    .slice(0, stepNumber(step) - 1)
    .every((before) => stepNumber(before) <= convention.lastCompletedStep || !stepApplies(before, convention));
}

/** Where a draft resumes: the first step that applies and is not completed (the recap at the end). */
export function nextStepOf(convention: Progress): WizardStep {
  return stepsOf(convention).find((step) => step !== 'recap' && stepNumber(step) > convention.lastCompletedStep) ?? 'recap';
}

/** The step that follows `step` for this draft. */
export function stepAfter(step: WizardStep, convention: Progress): WizardStep {
  return stepsOf(convention).find((candidate) => stepNumber(candidate) > stepNumber(step)) ?? 'recap';
}

/** Every step before the recap that applies is completed: the draft may be submitted. */
export function allStepsCompleted(convention: Progress): boolean {
  return isReachable('recap', convention);
}
