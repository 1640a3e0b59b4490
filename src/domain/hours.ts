import { addYears, IsoDate, toDayNumber, fromDayNumber, weekdayOfDayNumber, yearOf } from './calendarDate';
import { frenchPublicHolidayDates } from './holidays';
import { hoursOn, WeeklySchedule } from './weeklySchedule';

/** D124-6: 7 hours of presence count as one day and 22 days as one month. */
export const HOURS_PER_LEGAL_DAY = 7;
export const DAYS_PER_LEGAL_MONTH = 22;

/**
 * The total a convention states and the law counts: the hours computed from its calendar. A total declared by
 * hand only explains a difference (a warning for the office); it is used only while nothing can be computed yet.
 */
export function conventionTotalHours(convention: { computedTotalHours: number | null; declaredTotalHours: number | null }): number {
  return convention.computedTotalHours ?? convention.declaredTotalHours ?? 0;
}

/** No internship lasts longer (the forms refuse it): a longer range is refused, never walked day by day. */
export const MAX_INTERNSHIP_YEARS = 2;

/** True when `end` is at most MAX_INTERNSHIP_YEARS after `start` (the same day two years later is the last allowed). */
export function withinInternshipSpan(start: IsoDate, end: IsoDate): boolean {
  return end <= addYears(start, MAX_INTERNSHIP_YEARS);
}

export interface DateRange {
  start: IsoDate;
  end: IsoDate;
}

export interface PresenceInput {
  startDate: IsoDate;
  endDate: IsoDate;
  /** Inclusive periods without presence (e.g. a return to the university). */
  interruptions?: readonly DateRange[];
  /** Hours on each weekday, Monday first. */
  weeklySchedule: WeeklySchedule;
  /** Public holidays of a year; defaults to metropolitan France. Abroad, pass the host country's. */
  publicHolidays?: (year: number) => readonly IsoDate[];
}

export interface Presence {
  days: number;
  hours: number;
}

/** One day of presence and its hours. */
export interface DayOfPresence {
  date: IsoDate;
  hours: number;
}

/**
 * Each day from start to end inclusive with hours in the weekly schedule, public holidays and interruptions left out.
 * Throws a RangeError for a range longer than an internship can be, so no input can keep the server counting.
 */
export function daysOfPresence(input: PresenceInput): DayOfPresence[] {
  const first = toDayNumber(input.startDate);
  const last = toDayNumber(input.endDate);
  if (!withinInternshipSpan(input.startDate, input.endDate)) {
    throw new RangeError(`An internship lasts at most ${MAX_INTERNSHIP_YEARS} years: ${input.startDate} – ${input.endDate}`);
  }
  const holidaysOf = input.publicHolidays ?? frenchPublicHolidayDates;
  const interruptions = (input.interruptions ?? []).map((range) => ({
    start: toDayNumber(range.start),
    end: toDayNumber(range.end),
  }));
  const holidaysByYear = new Map<number, ReadonlySet<IsoDate>>();
  const isHoliday = (date: IsoDate): boolean => {
    const year = yearOf(date);
    let holidays = holidaysByYear.get(year);
    if (!holidays) {
      holidays = new Set(holidaysOf(year));
      holidaysByYear.set(year, holidays);
    }
    return holidays.has(date);
  };

  const days: DayOfPresence[] = [];
  for (let day = first; day <= last; day += 1) {
    const hours = hoursOn(input.weeklySchedule, weekdayOfDayNumber(day));
    if (hours <= 0) continue;
    const date = fromDayNumber(day);
    if (isHoliday(date)) continue;
    if (interruptions.some((range) => day >= range.start && day <= range.end)) continue;
    days.push({ date, hours });
  }
  return days;
}

/** The days of presence and their hours added up (each day with the hours of its weekday). */
export function computePresence(input: PresenceInput): Presence {
  const days = daysOfPresence(input);
  return { days: days.length, hours: roundToCents(days.reduce((sum, day) => sum + day.hours, 0)) };
}

/** Legal counting, unrounded: 308 h = 44 days = 2 months; 924 h = 132 days = 6 months. */
export function hoursToDaysAndMonths(hours: number): { days: number; months: number } {
  const days = hours / HOURS_PER_LEGAL_DAY;
  return { days, months: days / DAYS_PER_LEGAL_MONTH };
}

export function roundToCents(value: number): number {
  return Math.round(value * 100) / 100;
}
