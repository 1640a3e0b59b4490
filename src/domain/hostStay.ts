import { academicYearOf, type AcademicYearStart, academicYearStart } from './academicYear';
import { addDays, IsoDate, isoWeekday, yearOf } from './calendarDate';
import { frenchPublicHolidayDates } from './holidays';
import { daysOfPresence, roundToCents } from './hours';
import type { BreakdownInput } from './presenceBreakdown';
import { hoursOn } from './weeklySchedule';

export interface YearHours {
  academicYear: string;
  hours: number;
}

/** One convention as the cumulation at a host sees it: its dates and the hours the calendar gives it. */
export interface HostStay {
  id: number;
  reference?: string | null;
  startDate: IsoDate;
  endDate: IsoDate;
  /** Hours of presence computed from the calendar in each academic year the presence falls in, in order. */
  hoursByYear: readonly YearHours[];
  /** The computed total: the scheduled hours plus the declared additional ones. */
  hours: number;
  /** The first day after the end the intern would have been present on: a stay starting by then continues this one. */
  resumesBy: IsoDate;
}

/** A week and a half covers any run of days off and public holidays after an end date. */
const LONGEST_RUN_OF_DAYS_OFF = 10;

/**
 * Splits a convention's presence by academic year: each year gets the hours of the days that fall in it, on the
 * actual calendar (a convention over 31 August counts in both years). Declared hours outside the schedule (nights,
 * Sundays, holidays), whose dates are unknown, are shared in proportion to each year's scheduled hours.
 */
export function stayOf(
  id: number,
  presence: BreakdownInput,
  reference: string | null = null,
  yearStart: AcademicYearStart = academicYearStart(),
): HostStay {
  const days = daysOfPresence(presence);
  const scheduled = days.reduce((sum, day) => sum + day.hours, 0);
  const additional = Math.max(0, presence.additionalHours ?? 0);
  const scale = scheduled > 0 ? (scheduled + additional) / scheduled : 1;
  const byYear = new Map<string, number>();
  for (const day of days) {
    const academicYear = academicYearOf(day.date, yearStart);
    byYear.set(academicYear, (byYear.get(academicYear) ?? 0) + day.hours);
  }
  if (scheduled === 0 && additional > 0) byYear.set(academicYearOf(presence.startDate, yearStart), additional);
  return {
    id,
    reference,
    startDate: presence.startDate,
    endDate: presence.endDate,
    hoursByYear: [...byYear].map(([academicYear, hours]) => ({ academicYear, hours: roundToCents(hours * scale) })),
    hours: roundToCents(scheduled + additional),
    resumesBy: nextDayOfPresence(presence),
  };
}

function nextDayOfPresence(presence: BreakdownInput): IsoDate {
  const holidaysOf = presence.publicHolidays ?? frenchPublicHolidayDates;
  for (let offset = 1; offset <= LONGEST_RUN_OF_DAYS_OFF; offset += 1) {
    const date = addDays(presence.endDate, offset);
    if (hoursOn(presence.weeklySchedule, isoWeekday(date)) > 0 && !holidaysOf(yearOf(date)).includes(date)) return date;
  }
  return addDays(presence.endDate, 1);
}
