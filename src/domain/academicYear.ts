import { IsoDate, isIsoDate, monthOf, yearOf } from './calendarDate';

/** Academic years run from 1 September to 31 August. */
const FIRST_MONTH = 9;

/** '2026-2027' for 2026-11-26; '2025-2026' for 2026-08-31. */
export function academicYearOf(date: IsoDate): string {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO calendar date: ${date}`);
  const year = yearOf(date);
  const startYear = monthOf(date) >= FIRST_MONTH ? year : year - 1;
  return `${startYear}-${startYear + 1}`;
}

/** First and last day of an academic year written 'YYYY-YYYY'. */
export function academicYearBounds(academicYear: string): { start: IsoDate; end: IsoDate } {
  const match = /^(\d{4})-(\d{4})$/.exec(academicYear);
  if (!match || Number(match[2]) !== Number(match[1]) + 1) {
    throw new RangeError(`Not an academic year: ${academicYear}`);
  }
  return { start: `${match[1]}-09-01`, end: `${match[2]}-08-31` };
}
