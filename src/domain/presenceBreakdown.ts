import { addDays, IsoDate, isoWeekday } from './calendarDate';
import { daysOfPresence, PresenceInput, roundToCents } from './hours';

/** Hours of presence in one calendar month ('2026-02'). */
export interface MonthHours {
  month: string;
  hours: number;
}

/** Hours of presence in one ISO week, named by its Monday. */
export interface WeekHours {
  week: IsoDate;
  hours: number;
}

export interface PresenceBreakdown {
  days: number;
  /** The scheduled hours plus the declared additional ones: the computed total. */
  hours: number;
  scheduledHours: number;
  additionalHours: number;
  /** Every calendar month from the start to the end, months without presence included. */
  byMonth: MonthHours[];
  /** Every ISO week from the start's to the end's. */
  byWeek: WeekHours[];
}

export interface BreakdownInput extends PresenceInput {
  /**
   * Presence outside the weekly schedule (public holidays, occasional Sundays, nights), declared for the whole
   * internship. It counts in the total; as its dates are not known, each month and week gets a share of it in
   * proportion to its scheduled hours.
   */
  additionalHours?: number;
}

export function presenceBreakdown(input: BreakdownInput): PresenceBreakdown {
  const days = daysOfPresence(input);
  const scheduledHours = days.reduce((sum, day) => sum + day.hours, 0);
  const additionalHours = Math.max(0, input.additionalHours ?? 0);
  const scale = scheduledHours > 0 ? (scheduledHours + additionalHours) / scheduledHours : 1;
  const months = new Map<string, number>();
  const weeks = new Map<IsoDate, number>();
  if (input.endDate >= input.startDate) {
    for (let month = input.startDate.slice(0, 7); month <= input.endDate.slice(0, 7); month = nextMonth(month)) months.set(month, 0);
    for (let week = mondayOf(input.startDate); week <= input.endDate; week = addDays(week, 7)) weeks.set(week, 0);
  }
  for (const day of days) {
    const month = day.date.slice(0, 7);
    const week = mondayOf(day.date);
    months.set(month, (months.get(month) ?? 0) + day.hours * scale);
    weeks.set(week, (weeks.get(week) ?? 0) + day.hours * scale);
  }
  return {
    days: days.length,
    hours: roundToCents(scheduledHours + additionalHours),
    scheduledHours: roundToCents(scheduledHours),
    additionalHours: roundToCents(additionalHours),
    byMonth: [...months].map(([month, hours]) => ({ month, hours: roundToCents(hours) })),
    byWeek: [...weeks].map(([week, hours]) => ({ week, hours: roundToCents(hours) })),
  };
}

/**
 * The highest average weekly hours over any run of `weeks` consecutive ISO weeks (Code du travail L3121-22).
 * Weeks before and after the internship count as weeks without presence, so an internship shorter than the
 * period is averaged over the whole period.
 */
export function highestAverageWeeklyHours(byWeek: readonly WeekHours[], weeks: number): number {
  const hours = byWeek.map((week) => week.hours);
  let window = hours.slice(0, weeks).reduce((sum, value) => sum + value, 0);
  let highest = window;
  for (let index = weeks; index < hours.length; index += 1) {
    window += hours[index] - hours[index - weeks];
    highest = Math.max(highest, window);
  }
  return roundToCents(highest / weeks);
}

function nextMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
}

function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, 1 - isoWeekday(date));
}
