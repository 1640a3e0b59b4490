import { addDays, fromParts, IsoDate, yearOf } from './calendarDate';

export type FrenchHolidayName =
  | 'newYear'
  | 'easterMonday'
  | 'labourDay'
  | 'victoryInEurope'
  | 'ascension'
  | 'whitMonday'
  | 'bastilleDay'
  | 'assumption'
  | 'allSaints'
  | 'armistice'
  | 'christmas';

export interface PublicHoliday {
  date: IsoDate;
  name: FrenchHolidayName;
}

/** The Gregorian calendar's years written with four digits: any other year is refused rather than computed wrong. */
function checkYear(year: number) {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`No public holidays computed for the year ${year}`);
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  checkYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return fromParts(year, month, day);
}

/** The eleven metropolitan French public holidays of a year, in date order (Alsace-Moselle extras excluded). */
export function frenchPublicHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const holidays: PublicHoliday[] = [
    { date: fromParts(year, 1, 1), name: 'newYear' },
    { date: addDays(easter, 1), name: 'easterMonday' },
    { date: fromParts(year, 5, 1), name: 'labourDay' },
    { date: fromParts(year, 5, 8), name: 'victoryInEurope' },
    { date: addDays(easter, 39), name: 'ascension' },
    { date: addDays(easter, 50), name: 'whitMonday' },
    { date: fromParts(year, 7, 14), name: 'bastilleDay' },
    { date: fromParts(year, 8, 15), name: 'assumption' },
    { date: fromParts(year, 11, 1), name: 'allSaints' },
    { date: fromParts(year, 11, 11), name: 'armistice' },
    { date: fromParts(year, 12, 25), name: 'christmas' },
  ];
  return holidays.sort((left, right) => left.date.localeCompare(right.date));
}

export function frenchPublicHolidayDates(year: number): IsoDate[] {
  return frenchPublicHolidays(year).map((holiday) => holiday.date);
}

export function isFrenchPublicHoliday(date: IsoDate): boolean {
  return frenchPublicHolidayDates(yearOf(date)).includes(date);
}
