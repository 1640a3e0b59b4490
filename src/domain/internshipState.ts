import { addDays, type IsoDate } from './calendarDate';

export type InternshipState = 'in_progress' | 'finished' | 'evaluated';
const order: (InternshipState | null)[] = [null, 'in_progress', 'finished', 'evaluated'];

export interface InternshipStateFacts {
  conventionState: string;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  /** Recorded by the office when the internship ended early (or on its planned day). */
  actualEndDate: IsoDate | null;
  /** Every required evaluation (the tutor's and the student's) has been submitted. */
  evaluationsIn: boolean;
}

/**
 * Where a complete convention's internship stands on `today`: nothing before its start date, `in_progress` from it,
 * `finished` from its last day (the recorded actual end when earlier), `evaluated` once finished and evaluated.
 */
export function internshipStateOn(facts: InternshipStateFacts, today: IsoDate): InternshipState | null {
  if (facts.conventionState !== 'complete' || !facts.startDate || !facts.endDate) return null;
  const lastDay = facts.actualEndDate ?? facts.endDate;
  if (today >= lastDay) return facts.evaluationsIn ? 'evaluated' : 'finished';
  if (today >= facts.startDate) return 'in_progress';
  return null;
}

/** States only move forward: a reopened evaluation does not take an evaluated internship back. */
export function nextInternshipState(current: InternshipState | null, computed: InternshipState | null): InternshipState | null {
  return order.indexOf(computed) > order.indexOf(current) ? computed : null;
}

/** The day the professional tutor's evaluation opens: N days before the last day (10 by default). */
export function tutorEvaluationOpensOn(lastDay: IsoDate, daysBefore: number): IsoDate {
  return addDays(lastDay, -daysBefore);
}
