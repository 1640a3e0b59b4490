/** A calendar date 'YYYY-MM-DD', without time zone. Arithmetic is done on UTC midnights. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a well-formed date that exists in the calendar ('2025-02-29' is false). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Days since 1970-01-01; throws on a malformed date so that bad input never becomes NaN silently. */
export function toDayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO calendar date: ${date}`);
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function fromParts(year: number, month: number, day: number): IsoDate {
  return fromDayNumber(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const weekday = new Date(toDayNumber(date) * MS_PER_DAY).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function monthOf(date: IsoDate): number {
  return Number(date.slice(5, 7));
}

/** The years an internship, a signature or a filter can be in: outside them a date is a typing mistake or a forgery. */
export const FIRST_PLAUSIBLE_YEAR = 2000;
export const LAST_PLAUSIBLE_YEAR = 2100;

export function isPlausibleDate(date: IsoDate): boolean {
  return isIsoDate(date) && yearOf(date) >= FIRST_PLAUSIBLE_YEAR && yearOf(date) <= LAST_PLAUSIBLE_YEAR;
}

/** The same day `years` later; 29 February becomes 28 February in a year without it. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const shifted = `${String(yearOf(date) + years).padStart(4, '0')}${date.slice(4)}`;
  return isIsoDate(shifted) ? shifted : `${shifted.slice(0, 8)}28`;
}
