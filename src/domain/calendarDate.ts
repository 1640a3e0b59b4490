/** A calendar date 'YYYY-MM-DD', without time zone. Arithmetic is done on UTC midnights. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 0 for 1970-01-01, counted in the proleptic Gregorian calendar (as `Date.UTC` does), without a `Date` object. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The parts of a well-formed existing date, else null. Years below 100 are refused as `Date.UTC` refuses them (it
 * reads them as 19xx). Computed, not through a `Date`: the presence of an internship walks every one of its days.
 */
function partsOf(value: string): [number, number, number] | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return [year, month, day];
}

/** True for a well-formed date that exists in the calendar ('2025-02-29' is false). */
export function isIsoDate(value: string): boolean {
  return partsOf(value) !== null;
}

/** Days since 1970-01-01; throws on a malformed date so that bad input never becomes NaN silently. */
export function toDayNumber(date: IsoDate): number {
  const parts = partsOf(date);
  if (!parts) throw new RangeError(`Not an ISO calendar date: ${date}`);
  return daysFromCivil(...parts);
}

const pad2 = (value: number) => (value < 10 ? `0${value}` : String(value));

export function fromDayNumber(dayNumber: number): IsoDate {
  // Hinnant's civil_from_days for the years written with four digits; anything else as `Date` writes it.
  if (!Number.isInteger(dayNumber) || dayNumber < -719_528 || dayNumber > 2_932_896) {
    return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
  }
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function fromParts(year: number, month: number, day: number): IsoDate {
  return fromDayNumber(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  return weekdayOfDayNumber(toDayNumber(date));
}

/** ISO weekday of a day number (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
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
