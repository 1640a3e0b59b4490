import { amendedTerms, gratificationPeriods, type AmendableTerms, type AmendmentChanges } from '../../domain/amendment';
import type { Finding } from '../../domain/legal/finding';
import type { Convention } from '../../models/conventionRepository';
import type { Executor } from '../../models/database';
import { detailsOf, legalFindings } from '../student/conventionDetails';
import { presenceOf } from '../conventions/presence';
import type { FrozenConventionSnapshot } from '../conventions/frozenSnapshot';

/** What an amendment keeps of the convention, before and after: its amendable terms and the hours they give. */
export interface AmendmentValues extends AmendableTerms {
  computedTotalHours: number | null;
}

const nameOf = (person: { firstName: string; lastName: string } | null | undefined) =>
  person ? `${person.firstName} ${person.lastName}`.trim() : null;

export function termsOf(convention: Convention): AmendableTerms {
  const frozen = convention.frozenSnapshot as unknown as FrozenConventionSnapshot | null;
  return {
    startDate: convention.startDate ?? '',
    endDate: convention.endDate ?? '',
    interruptions: convention.interruptions,
    gratificationAmount: convention.gratificationAmount,
    gratificationUnit: convention.gratificationUnit,
    place: convention.place,
    professionalTutor: nameOf(frozen?.professionalTutor),
    academicTutor: nameOf(frozen?.academicTutor),
    academicTutorId: convention.academicTutorId,
    activities: convention.activities,
    skills: convention.skills,
  };
}

export function valuesOf(convention: Convention): AmendmentValues {
  return { ...termsOf(convention), computedTotalHours: convention.computedTotalHours };
}

/**
 * The convention as amended, with its hours recomputed from the amended calendar (on its host's public holidays),
 * and the legal findings of the same engine as a new convention: the 924 h cap and the 308 h threshold with the
 * student's other conventions at the same legal entity, the gratification due, the working time.
 */
export async function amendedConvention(
  db: Executor,
  convention: Convention,
  changes: AmendmentChanges,
  today: string,
): Promise<{ amended: Convention; after: AmendmentValues; findings: Finding[] }> {
  const details = await detailsOf(db, convention);
  const terms = amendedTerms(termsOf(convention), changes);
  const moved = { ...convention, ...terms, interruptions: [...terms.interruptions] };
  const presence = presenceOf(moved, details.organisation);
  const amended: Convention = {
    ...moved,
    computedTotalHours: presence ? presence.hours : convention.computedTotalHours,
    // The computed total binds: a total declared for the former dates no longer says anything.
    ...(changesCalendar(changes) ? { declaredTotalHours: null, declaredTotalReason: null } : {}),
  };
  const hoursByMonth = (startDate: string, endDate: string) =>
    presenceOf({ ...amended, startDate, endDate }, details.organisation)?.byMonth ?? null;
  const periods = gratificationPeriods(termsOf(convention), terms, changes, hoursByMonth);
  const findings =
    (await legalFindings(db, { ...details, convention: amended }, today, periods ? { gratificationPeriods: periods } : {})) ?? [];
  // The names of new tutors are the amendment's: the frozen parties change only once it is signed.
  const after: AmendmentValues = {
    ...valuesOf(amended),
    ...terms,
    interruptions: [...amended.interruptions],
    computedTotalHours: amended.computedTotalHours,
  };
  return { amended, after, findings };
}

/** The convention's columns an applied amendment sets: its amended terms and hours (a declared total for other dates is dropped). */
export function appliedChanges(after: AmendmentValues, changes: AmendmentChanges) {
  return {
    startDate: after.startDate,
    endDate: after.endDate,
    interruptions: [...after.interruptions],
    gratificationAmount: after.gratificationAmount,
    gratificationUnit: after.gratificationUnit,
    ...(changes.place ? { place: changes.place.text } : {}),
    ...(changes.subject ? { activities: changes.subject.activities, skills: after.skills ?? null } : {}),
    ...(changes.academicTutor ? { academicTutorId: changes.academicTutor.teacherId } : {}),
    computedTotalHours: after.computedTotalHours,
    ...(changesCalendar(changes) ? { declaredTotalHours: null, declaredTotalReason: null } : {}),
  };
}

export const changesCalendar = (changes: AmendmentChanges) => Boolean(changes.dates || changes.termination || changes.interruption);
