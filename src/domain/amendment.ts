import { addDays } from './calendarDate';
import { withinInternshipSpan, type DateRange } from './hours';
import type { GratificationPeriod } from './legal/conventionRuleInput';
import type { MonthHours } from './presenceBreakdown';

/**
 * Amendments (avenants) of a validated convention: what each kind changes, the refusals of a request (all at once,
 * by field), and the convention's terms as amended, which go through the same legal engine as a new convention.
 */
export const amendmentKinds = [
  'dates',
  'termination',
  'interruption',
  'gratification',
  'professionalTutor',
  'academicTutor',
  'place',
  'subject',
  'other',
] as const;
export type AmendmentKind = (typeof amendmentKinds)[number];

export const terminationInitiatives = ['student', 'host', 'institution'] as const;

export interface AmendmentChanges {
  /** Extension or postponement: the new first and last days. */
  dates?: { startDate: string; endDate: string };
  /** Early termination (rupture): the last day of presence, who ended it and why. */
  termination?: { date: string; initiative: (typeof terminationInitiatives)[number]; reason: string };
  /** An interruption (L124-15): a period without presence, and why. */
  interruption?: { start: string; end: string; reason: string };
  /** A new gratification, from a day of the internship. */
  gratification?: { amount: number; unit: 'hour' | 'month'; from: string };
  /** A new professional tutor at the host: who they are (a contact of the host once the amendment is in force). */
  professionalTutor?: NewProfessionalTutor;
  /** A new academic referent, one of the programme's teachers. */
  academicTutor?: { teacherId: number; name: string };
  /** New activities entrusted to the intern (and the skills they develop, when those change too). */
  subject?: { activities: string; skills: string | null };
  /** A new place of the internship (another service, site or address). */
  place?: { text: string };
  /** Anything else, in words. */
  other?: { text: string };
}

export interface NewProfessionalTutor {
  civility: 'M.' | 'Mme' | 'Mx' | null;
  firstName: string;
  lastName: string;
  function: string;
  email: string;
  phone: string | null;
}

/** The kinds the programme head agrees to before the office decides: they touch the internship's pedagogy. */
export const needsProgrammeAgreement = (changes: AmendmentChanges): boolean => Boolean(changes.subject || changes.academicTutor);

/** The terms an amendment may change, as the convention holds them. */
export interface AmendableTerms {
  startDate: string;
  endDate: string;
  interruptions: readonly DateRange[];
  gratificationAmount: number | null;
  gratificationUnit: 'hour' | 'month';
  /** Where the internship takes place, when it is not the host's address. */
  place?: string | null;
  /** The tutors by name, as the validated convention prints them. */
  professionalTutor?: string | null;
  academicTutor?: string | null;
  academicTutorId?: number | null;
  activities?: string | null;
  skills?: string | null;
}

/** The convention's statuses from which an amendment may be requested. */
export const amendableStates = ['validated', 'signed_by_parties', 'complete'] as const;

export function isAmendable(state: string): boolean {
  return (amendableStates as readonly string[]).includes(state);
}

export interface AmendmentRefusal {
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

export function kindsOf(changes: AmendmentChanges): AmendmentKind[] {
  return amendmentKinds.filter((kind) => changes[kind] !== undefined);
}

/** Every reason to refuse the request, one per field, against the convention's current terms. */
export function amendmentRefusals(current: AmendableTerms, changes: AmendmentChanges): AmendmentRefusal[] {
  const refusals: AmendmentRefusal[] = [];
  if (kindsOf(changes).length === 0) refusals.push({ field: 'kinds', key: 'amendment.errors.noKind' });
  if (changes.dates) {
    const { startDate, endDate } = changes.dates;
    if (endDate < startDate) refusals.push({ field: 'endDate', key: 'amendment.errors.endBeforeStart' });
    else if (!withinInternshipSpan(startDate, endDate)) refusals.push({ field: 'endDate', key: 'amendment.errors.tooLong' });
    else if (startDate === current.startDate && endDate === current.endDate)
      refusals.push({ field: 'endDate', key: 'amendment.errors.sameDates' });
  }
  const span = changes.dates ?? current;
  if (changes.termination) {
    if (changes.dates) refusals.push({ field: 'terminationDate', key: 'amendment.errors.datesAndTermination' });
    else if (changes.termination.date < current.startDate || changes.termination.date >= current.endDate)
      refusals.push({
        field: 'terminationDate',
        key: 'amendment.errors.terminationOutside',
        params: { start: current.startDate, end: current.endDate },
      });
  }
  const last = changes.termination && !changes.dates ? changes.termination.date : span.endDate;
  if (changes.interruption) {
    const { start, end } = changes.interruption;
    if (end < start) refusals.push({ field: 'interruptionEnd', key: 'amendment.errors.endBeforeStart' });
    else if (start < span.startDate || end > last)
      refusals.push({
        field: 'interruptionStart',
        key: 'amendment.errors.outsideInternship',
        params: { start: span.startDate, end: last },
      });
  }
  if (changes.gratification) {
    const { from } = changes.gratification;
    if (from < span.startDate || from > last)
      refusals.push({
        field: 'gratificationFrom',
        key: 'amendment.errors.outsideInternship',
        params: { start: span.startDate, end: last },
      });
  }
  if (changes.academicTutor && changes.academicTutor.teacherId === current.academicTutorId)
    refusals.push({ field: 'academicTutorId', key: 'amendment.errors.sameReferent' });
  if (changes.subject && changes.subject.activities === current.activities)
    refusals.push({ field: 'activities', key: 'amendment.errors.sameActivities' });
  return refusals;
}

/** The convention's terms once the amendment applies. */
export function amendedTerms(current: AmendableTerms, changes: AmendmentChanges): AmendableTerms {
  const next: AmendableTerms = { ...current, interruptions: [...current.interruptions] };
  if (changes.dates) Object.assign(next, changes.dates);
  if (changes.termination) next.endDate = changes.termination.date;
  if (changes.interruption)
    next.interruptions = [...next.interruptions, { start: changes.interruption.start, end: changes.interruption.end }];
  if (changes.gratification) {
    next.gratificationAmount = changes.gratification.amount;
    next.gratificationUnit = changes.gratification.unit;
  }
  if (changes.place) next.place = changes.place.text;
  if (changes.professionalTutor) next.professionalTutor = `${changes.professionalTutor.firstName} ${changes.professionalTutor.lastName}`;
  if (changes.academicTutor) {
    next.academicTutor = changes.academicTutor.name;
    next.academicTutorId = changes.academicTutor.teacherId;
  }
  if (changes.subject) {
    next.activities = changes.subject.activities;
    if (changes.subject.skills !== null) next.skills = changes.subject.skills;
  }
  // Interruptions outside the amended period no longer count.
  next.interruptions = next.interruptions.filter((range) => range.end >= next.startDate && range.start <= next.endDate);
  return next;
}

/**
 * A gratification changed from a day after the first: the amount before it (the convention's) over the days
 * before, the new one from that day, each with its own hours by month, so that the minimum is checked on each side
 * and a gratification due from the first day cannot start later. Null when one amount covers the whole internship.
 */
export function gratificationPeriods(
  current: AmendableTerms,
  after: AmendableTerms,
  changes: AmendmentChanges,
  hoursByMonth: (startDate: string, endDate: string) => readonly MonthHours[] | null,
): GratificationPeriod[] | null {
  const from = changes.gratification?.from;
  if (!from || from <= after.startDate || from > after.endDate) return null;
  const before = hoursByMonth(after.startDate, addDays(from, -1));
  const since = hoursByMonth(from, after.endDate);
  if (!before || !since) return null;
  return [
    { from: after.startDate, amount: current.gratificationAmount, unit: current.gratificationUnit, presenceByMonth: before },
    { from, amount: after.gratificationAmount, unit: after.gratificationUnit, presenceByMonth: since },
  ];
}

/** One line of an amendment: what a term was and what it becomes (values as stored; the page or PDF formats them). */
export interface AmendmentRow {
  term:
    | 'startDate'
    | 'endDate'
    | 'totalHours'
    | 'interruptions'
    | 'gratification'
    | 'professionalTutor'
    | 'academicTutor'
    | 'place'
    | 'activities'
    | 'skills'
    | 'termination'
    | 'other';
  before: string | number | null;
  after: string | number | null;
}

interface StoredValues extends AmendableTerms {
  computedTotalHours: number | null;
}

const gratificationText = (values: StoredValues) =>
  values.gratificationAmount === null ? null : `${values.gratificationAmount}/${values.gratificationUnit}`;

/** Only what changes, in the order of the convention. */
export function amendmentRows(before: StoredValues, after: StoredValues, changes: AmendmentChanges): AmendmentRow[] {
  const rows: AmendmentRow[] = [];
  const push = (term: AmendmentRow['term'], a: AmendmentRow['before'], b: AmendmentRow['after']) => {
    if (a !== b) rows.push({ term, before: a, after: b });
  };
  push('startDate', before.startDate, after.startDate);
  push('endDate', before.endDate, after.endDate);
  push('totalHours', before.computedTotalHours, after.computedTotalHours);
  const periods = (values: StoredValues) => values.interruptions.map((range) => `${range.start}/${range.end}`).join(', ') || null;
  push('interruptions', periods(before), periods(after));
  push('gratification', gratificationText(before), gratificationText(after));
  push('professionalTutor', before.professionalTutor ?? null, after.professionalTutor ?? null);
  push('academicTutor', before.academicTutor ?? null, after.academicTutor ?? null);
  push('place', before.place ?? null, after.place ?? null);
  push('activities', before.activities ?? null, after.activities ?? null);
  push('skills', before.skills ?? null, after.skills ?? null);
  if (changes.termination) rows.push({ term: 'termination', before: null, after: changes.termination.reason });
  if (changes.other) rows.push({ term: 'other', before: null, after: changes.other.text });
  return rows;
}
