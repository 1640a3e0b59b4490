import { addDays, fromParts, IsoDate, isIsoDate, monthOf, yearOf } from './calendarDate';

/** The first day of every academic year, as a month and a day ('09-01': 1 September). */
export interface AcademicYearStart {
  month: number;
  day: number;
}

export const DEFAULT_ACADEMIC_YEAR_START: AcademicYearStart = { month: 9, day: 1 };

let institutionStart: AcademicYearStart = DEFAULT_ACADEMIC_YEAR_START;

/**
 * The institution's first day of the academic year (ACADEMIC_YEAR_START), set once by the composition root.
 * Every academic year in the application, the legal cumulation's included, is cut on this day.
 */
export function useAcademicYearStart(start: AcademicYearStart): void {
  institutionStart = start;
}

export function academicYearStart(): AcademicYearStart {
  return institutionStart;
}

/** 'MM-DD' → the start day, or null for a day that is not in every year (29 February) or does not exist. */
export function parseAcademicYearStart(value: string): AcademicYearStart | null {
  const match = /^(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match || `${match[1]}-${match[2]}` === '02-29' || !isIsoDate(`2001-${match[1]}-${match[2]}`)) return null;
  return { month: Number(match[1]), day: Number(match[2]) };
}

function startsYear(date: IsoDate, start: AcademicYearStart): boolean {
  const month = monthOf(date);
  const day = Number(date.slice(8, 10));
  return month > start.month || (month === start.month && day >= start.day);
}

/** '2026-2027' for 2026-11-26; '2025-2026' for 2026-08-31 (with the default start, 1 September). */
export function academicYearOf(date: IsoDate, start: AcademicYearStart = institutionStart): string {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO calendar date: ${date}`);
  const year = yearOf(date);
  const startYear = startsYear(date, start) ? year : year - 1;
  return `${startYear}-${startYear + 1}`;
}

/** First and last day of an academic year written 'YYYY-YYYY'. */
export function academicYearBounds(academicYear: string, start: AcademicYearStart = institutionStart): { start: IsoDate; end: IsoDate } {
  const match = /^(\d{4})-(\d{4})$/.exec(academicYear);
  if (!match || Number(match[2]) !== Number(match[1]) + 1) {
    throw new RangeError(`Not an academic year: ${academicYear}`);
  }
  const first = fromParts(Number(match[1]), start.month, start.day);
  return { start: first, end: addDays(fromParts(Number(match[2]), start.month, start.day), -1) };
}

/** The academic years a period touches, in order, each with the part of the period that falls in it. */
export function academicYearSlices(
  from: IsoDate,
  to: IsoDate,
  start: AcademicYearStart = institutionStart,
): { academicYear: string; start: IsoDate; end: IsoDate }[] {
  const slices: { academicYear: string; start: IsoDate; end: IsoDate }[] = [];
  let sliceStart = from;
  while (sliceStart <= to) {
    const academicYear = academicYearOf(sliceStart, start);
    const bounds = academicYearBounds(academicYear, start);
    const sliceEnd = bounds.end < to ? bounds.end : to;
    slices.push({ academicYear, start: sliceStart, end: sliceEnd });
    sliceStart = addDays(bounds.end, 1);
  }
  return slices;
}
