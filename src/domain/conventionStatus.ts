import { addDays } from './calendarDate';
import { ConventionState } from './workflow';

/** Steps of a convention that goes well, in order; cancelled is off the path. */
export const conventionSteps: readonly ConventionState[] = ['draft', 'submitted', 'validated', 'signed_by_parties', 'complete'];

/** The states in which the convention is printed as final (no draft mark): from the office's validation on. */
export const printableStates: readonly ConventionState[] = ['validated', 'signed_by_parties', 'complete'];

/** The office checks the civil-liability certificate from the submission until the dean's signature. */
export const certificateReviewableStates: readonly ConventionState[] = ['submitted', 'validated', 'signed_by_parties'];

/** Every party has signed. */
export const signedStates: readonly ConventionState[] = ['signed_by_parties', 'complete'];

export const CONVENTION_STEP_COUNT = conventionSteps.length - 1;

/** 0 for draft … 4 for complete; cancelled is 0 (nothing achieved). */
export function progressStep(state: ConventionState): number {
  return Math.max(0, conventionSteps.indexOf(state));
}

/** Score between 0 and 1 for the LMS grade book: step / 4 (draft 0, submitted 0.25 … complete 1, cancelled 0). */
export function progress(state: ConventionState): number {
  return progressStep(state) / CONVENTION_STEP_COUNT;
}

/** A PDF without the draft mark is printed only once the office has validated. */
export function isPrintableAsFinal(state: string): boolean {
  return (printableStates as readonly string[]).includes(state);
}

/**
 * 'started' or 'soon' (within `withinDays`) when the internship starts, or started, without a complete convention:
 * the internship cannot start before.
 */
export function startFlag(
  convention: { state: string; startDate: string | null },
  today: string,
  withinDays: number,
): 'started' | 'soon' | null {
  if (!convention.startDate || convention.state === 'complete' || convention.state === 'cancelled') return null;
  if (convention.startDate <= today) return 'started';
  return convention.startDate <= addDays(today, withinDays) ? 'soon' : null;
}

/** After submission, changes go through the office (later: avenants). */
export function studentMayEdit(state: ConventionState): boolean {
  return state === 'draft';
}
