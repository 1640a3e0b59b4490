import { toDayNumber, type IsoDate } from './calendarDate';
import { defaultThresholds, type Thresholds } from './thresholds';

/** What decides whether the attestation de stage can be produced. */
export interface InternshipEndFacts {
  state: string;
  endDate: IsoDate | null;
  /** The last day of presence the office recorded: the planned end, or an earlier one when the internship ended early. */
  actualEndDate: IsoDate | null;
  effectiveHours: number | null;
  totalGratificationPaid: number | null;
}

export interface AttestationRefusal {
  /** i18n message key. */
  key: string;
  params: Record<string, string>;
}

/** The internship's last day: the recorded actual end, else the planned one. */
export function lastDayOf(facts: Pick<InternshipEndFacts, 'endDate' | 'actualEndDate'>): IsoDate | null {
  return facts.actualEndDate ?? facts.endDate;
}

/**
 * D124-9: the attestation states the actual effective presence and the total gratification paid, so it exists only
 * once the internship has ended (its last day has come, or it ended early) and those figures are recorded.
 */
export function attestationRefusal(facts: InternshipEndFacts, today: IsoDate): AttestationRefusal | null {
  if (facts.state !== 'complete') return { key: 'documents.errors.attestationNotYet', params: {} };
  const lastDay = lastDayOf(facts);
  if (!lastDay || today < lastDay) return { key: 'documents.errors.attestationBeforeEnd', params: { date: lastDay ?? '' } };
  if (facts.actualEndDate === null || facts.effectiveHours === null || facts.totalGratificationPaid === null)
    return { key: 'documents.errors.attestationFiguresMissing', params: {} };
  return null;
}

/**
 * The office records the end of a complete convention once the day recorded as its last has come: the planned end
 * date, or an earlier one when the internship ended early; the hours cannot exceed the legal daily maximum on every
 * calendar day of the period.
 */
export function internshipEndRefusal(
  facts: Pick<InternshipEndFacts, 'state' | 'endDate'> & { startDate: IsoDate | null },
  record: { actualEndDate: IsoDate; effectiveHours: number },
  today: IsoDate,
  thresholds: Thresholds = defaultThresholds,
): { field: string; key: string; params: Record<string, string | number> } | null {
  const { actualEndDate } = record;
  if (facts.state !== 'complete') return { field: 'form', key: 'office.internshipEnd.notComplete', params: {} };
  if (facts.startDate && actualEndDate < facts.startDate)
    return { field: 'actualEndDate', key: 'office.errors.endBeforeStart', params: { date: facts.startDate } };
  if (facts.endDate && actualEndDate > facts.endDate)
    return { field: 'actualEndDate', key: 'office.errors.endAfterPlanned', params: { date: facts.endDate } };
  if (actualEndDate > today) return { field: 'actualEndDate', key: 'office.errors.notEndedYet', params: {} };
  const days = facts.startDate ? toDayNumber(actualEndDate) - toDayNumber(facts.startDate) + 1 : Infinity;
  const max = days * thresholds.workingTime.maxHoursPerDay;
  if (record.effectiveHours > max) return { field: 'effectiveHours', key: 'office.errors.hoursAboveMaximum', params: { max } };
  return null;
}
