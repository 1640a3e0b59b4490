import { ConventionState } from './workflow';

/** Steps of a convention that goes well; cancelled is off the path. */
const STEPS: readonly ConventionState[] = ['draft', 'submitted', 'validated', 'signed_by_parties', 'complete'];
export const CONVENTION_STEP_COUNT = STEPS.length - 1;

/** 0 for draft … 4 for complete; cancelled is 0 (nothing achieved). */
export function progressStep(state: ConventionState): number {
  return Math.max(0, STEPS.indexOf(state));
}

/** Score between 0 and 1 for the LMS grade book: step / 4 (draft 0, submitted 0.25 … complete 1, cancelled 0). */
export function progress(state: ConventionState): number {
  return progressStep(state) / CONVENTION_STEP_COUNT;
}

/** A PDF without the draft mark is printed only once the office has validated. */
export function isPrintableAsFinal(state: ConventionState): boolean {
  return state === 'validated' || state === 'signed_by_parties' || state === 'complete';
}

/** After submission, changes go through the office (later: avenants). */
export function studentMayEdit(state: ConventionState): boolean {
  return state === 'draft';
}
