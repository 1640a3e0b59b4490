/**
 * The hours of presence on each ISO weekday, Monday first ([Monday, …, Sunday]); 0 means no presence that day.
 * One week that repeats for the whole internship: a regular schedule has the same hours on every day of presence.
 */
export type WeeklySchedule = readonly number[];

/** ISO weekdays, 1 = Monday … 7 = Sunday. */
export const WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5, 6, 7];
export const SUNDAY = 7;

/** The same hours on each of the given weekdays, none on the others. */
export function regularSchedule(workingDays: readonly number[], hoursPerDay: number): number[] {
  const days = new Set(workingDays);
  return WEEKDAYS.map((day) => (days.has(day) ? hoursPerDay : 0));
}

export function hoursOn(schedule: WeeklySchedule, weekday: number): number {
  return schedule[weekday - 1] ?? 0;
}

/** The weekdays with some presence. */
export function presenceWeekdays(schedule: WeeklySchedule): number[] {
  return WEEKDAYS.filter((day) => hoursOn(schedule, day) > 0);
}

export function scheduleWeeklyHours(schedule: WeeklySchedule): number {
  return Math.round(WEEKDAYS.reduce((sum, day) => sum + hoursOn(schedule, day), 0) * 100) / 100;
}

/** The daily hours of a regular schedule (the same on every day of presence), null when they vary or nothing is planned. */
export function uniformDailyHours(schedule: WeeklySchedule): number | null {
  const hours = new Set(presenceWeekdays(schedule).map((day) => hoursOn(schedule, day)));
  return hours.size === 1 ? [...hours][0] : null;
}

/** The longest run of consecutive days without presence, the week read as a cycle (Sunday is followed by Monday). */
export function longestRestRun(schedule: WeeklySchedule): number {
  if (presenceWeekdays(schedule).length === 0) return WEEKDAYS.length;
  let longest = 0;
  let run = 0;
  for (const day of [...WEEKDAYS, ...WEEKDAYS]) {
    run = hoursOn(schedule, day) > 0 ? 0 : run + 1;
    longest = Math.max(longest, run);
  }
  return longest;
}
