import { isPrintableAsFinal } from '../../domain/conventionStatus';
import { isMinorOn } from '../../domain/minority';
import { evaluateConvention, type ConventionRuleInput, type Finding } from '../../domain/legalRules';
import { notFound } from '../../errors';
import { conventionRepository, type Convention } from '../../models/conventionRepository';
import type { Executor } from '../../models/database';
import { conventionReferencesRepository, type ConventionReferences } from '../../models/conventionReferencesRepository';
import { hostCumulationFor } from '../conventions/hostCumulation';
import { presenceOf } from '../conventions/presence';

/** The convention with everything it refers to (read in one query by conventionReferencesRepository). */
export interface ConventionDetails extends ConventionReferences {
  convention: Convention;
}

/**
 * A student's own convention with everything it refers to; another student's id is not found. `known`: the same
 * convention already read for this request (the route's ownership check), not read twice.
 */
export async function loadConventionDetails(
  db: Executor,
  userId: number,
  conventionId: number,
  known?: Convention,
): Promise<ConventionDetails> {
  const convention =
    known && known.id === conventionId && known.studentUserId === userId
      ? known
      : await conventionRepository.findForStudent(db, conventionId, userId);
  if (!convention) throw notFound();
  return detailsOf(db, convention);
}

export async function detailsOf(db: Executor, convention: Convention): Promise<ConventionDetails> {
  return { convention, ...(await conventionReferencesRepository.find(db, convention)) };
}

const personName = (person: { firstName: string; lastName: string } | undefined) =>
  person ? `${person.firstName} ${person.lastName}`.trim() : null;

/** The legal findings (LEGAL.md) of a convention whose internship step is filled; null before that. */
export async function legalFindings(
  db: Executor,
  details: ConventionDetails,
  today: string,
  /** What only an amendment knows: the gratification's periods when it changes during the internship. */
  amended: Pick<ConventionRuleInput, 'gratificationPeriods'> = {},
): Promise<Finding[] | null> {
  const { convention: c, programme } = details;
  const presence = presenceOf(c, details.organisation);
  if (!c.startDate || !c.endDate || !c.weeklySchedule || !presence || c.computedTotalHours === null) return null;
  const { stay, cumulation } = await hostCumulationFor(db, c, details.organisation);
  const input: ConventionRuleInput = {
    today,
    isNew: !isPrintableAsFinal(c.state),
    startDate: c.startDate,
    endDate: c.endDate,
    weeklySchedule: c.weeklySchedule,
    presenceByMonth: presence.byMonth,
    presenceByWeek: presence.byWeek,
    declaredTotalHours: c.declaredTotalHours,
    declaredTotalReason: c.declaredTotalReason,
    computedTotalHours: stay.hours,
    academicYear: c.academicYear,
    hostCumulation: cumulation,
    gratification: { amount: c.gratificationAmount, unit: c.gratificationUnit },
    nightPresence: c.nightPresence,
    nightDescription: c.nightDescription,
    nightHours: c.nightHours,
    sundayPresence: c.sundayPresence,
    sundayDescription: c.sundayDescription,
    sundayHours: c.sundayHours,
    holidayPresence: c.holidayPresence,
    holidayDescription: c.holidayDescription,
    holidayHours: c.holidayHours,
    isMinor: isMinorOn(c.student.birthDate, c.startDate),
    minorDerogation: c.minorDerogation,
    legalRepresentativeName: personName(c.legalRepresentative ?? undefined),
    leaveDaysGranted: c.leaveDaysGranted,
    abroad: Boolean(details.organisation && details.organisation.country !== 'FR'),
    country: details.organisation?.country ?? null,
    programmeTitle: programme.title,
    programmeTeachingHours: programme.teachingHours,
    skills: c.skills,
    activities: c.activities,
    professionalTutorName: personName(details.professionalTutor),
    academicTutorName: personName(details.academicTutor),
    hostSignatoryName: personName(details.signatory),
    ...amended,
  };
  return evaluateConvention(input);
}
