import Holidays from 'date-holidays';
import { IsoDate, yearOf } from './calendarDate';

export interface PublicHoliday {
  date: IsoDate;
  /** The holiday's name in the country's language, as the date-holidays data gives it ('Lundi de Pâques'). */
  name: string;
}

/** Where a host is: its country (ISO code or name, as the organisation form takes it) and its postcode. */
export interface HostLocation {
  country?: string | null;
  postalCode?: string | null;
}

/** A calendar of public holidays: the country's ISO code and, when it differs from the national one, its region. */
export interface HolidayCalendar {
  country: string;
  region?: string;
}

export const FRENCH_CALENDAR: HolidayCalendar = { country: 'FR' };

/** The Gregorian calendar's years written with four digits: any other year is refused rather than computed wrong. */
function checkYear(year: number) {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`No public holidays computed for the year ${year}`);
}

/**
 * Departments with their own public holidays: Alsace-Moselle (Good Friday, 26 December: local law of 1892/1919
 * kept in force) and the overseas departments (abolition of slavery, by postcode prefix).
 */
const FRENCH_REGIONS: readonly [prefix: string, region: string][] = [
  ['97150', 'MF'],
  ['97133', 'BL'],
  ['971', 'GP'],
  ['972', 'MQ'],
  ['973', 'GF'],
  ['974', 'RE'],
  ['976', 'YT'],
  ['57', '57'],
  ['67', '67'],
  ['68', '68'],
];

const comparable = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z]+/g, ' ')
    .trim();

let countryCodesByName: Map<string, string> | undefined;

/** 'DE', 'Allemagne', 'Germany' and 'Deutschland' all name the same country; the map is built once. */
function countryCodeOf(country: string): string | undefined {
  if (!countryCodesByName) {
    countryCodesByName = new Map();
    const french = new Intl.DisplayNames(['fr'], { type: 'region' });
    const english = new Intl.DisplayNames(['en'], { type: 'region' });
    for (const [code, native] of Object.entries(new Holidays().getCountries() as Record<string, string>)) {
      for (const name of [code, native, french.of(code), english.of(code)]) {
        if (name) countryCodesByName.set(comparable(name), code);
      }
    }
  }
  return countryCodesByName.get(comparable(country));
}

/** The host's calendar; France's when the country is missing or unknown. */
export function calendarOfHost(location: HostLocation): HolidayCalendar {
  const country = (location.country?.trim() && countryCodeOf(location.country)) || 'FR';
  if (country !== 'FR') return { country };
  const postalCode = (location.postalCode ?? '').replace(/\s/g, '');
  const region = /^\d{5}$/.test(postalCode) ? FRENCH_REGIONS.find(([prefix]) => postalCode.startsWith(prefix))?.[1] : undefined;
  return region ? { country, region } : FRENCH_CALENDAR;
}

const calendars = new Map<string, Holidays>();
const holidaysByCalendarYear = new Map<string, readonly PublicHoliday[]>();

/** The public (not merely observed) holidays of a calendar's year, in date order. */
export function publicHolidays(calendar: HolidayCalendar, year: number): readonly PublicHoliday[] {
  checkYear(year);
  const key = `${calendar.country}/${calendar.region ?? ''}`;
  const cached = holidaysByCalendarYear.get(`${key}/${year}`);
  if (cached) return cached;
  let source = calendars.get(key);
  if (!source) {
    source = calendar.region ? new Holidays(calendar.country, calendar.region) : new Holidays(calendar.country);
    calendars.set(key, source);
  }
  const holidays = (source.getHolidays(year) || [])
    .filter((holiday) => holiday.type === 'public')
    .map((holiday) => ({ date: holiday.date.slice(0, 10), name: holiday.name }))
    .filter((holiday, index, all) => all.findIndex((other) => other.date === holiday.date) === index)
    .sort((left, right) => left.date.localeCompare(right.date));
  holidaysByCalendarYear.set(`${key}/${year}`, holidays);
  return holidays;
}

/** What computePresence takes: the holiday dates of a year in the host's calendar. */
export function publicHolidayDatesOfHost(location: HostLocation): (year: number) => IsoDate[] {
  const calendar = calendarOfHost(location);
  return (year) => publicHolidays(calendar, year).map((holiday) => holiday.date);
}

/** The eleven metropolitan French public holidays of a year, in date order (Alsace-Moselle extras excluded). */
export function frenchPublicHolidays(year: number): PublicHoliday[] {
  return [...publicHolidays(FRENCH_CALENDAR, year)];
}

export function frenchPublicHolidayDates(year: number): IsoDate[] {
  return frenchPublicHolidays(year).map((holiday) => holiday.date);
}

export function isFrenchPublicHoliday(date: IsoDate): boolean {
  return frenchPublicHolidayDates(yearOf(date)).includes(date);
}
