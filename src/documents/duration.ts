/** D124-6: each 7 hours of presence count as one day, each 22 days as one month. */
export const HOURS_PER_DAY = 7;
export const DAYS_PER_MONTH = 22;

export interface EffectiveDuration {
  hours: number;
  /** Whole days of 7 hours, and the hours left over. */
  days: number;
  extraHours: number;
  /** Whole months of 22 days, and the days left over. */
  months: number;
  extraDays: number;
}

export function effectiveDuration(totalHours: number): EffectiveDuration {
  const days = Math.floor(totalHours / HOURS_PER_DAY);
  const extraHours = Math.round((totalHours - days * HOURS_PER_DAY) * 100) / 100;
  return { hours: totalHours, days, extraHours, months: Math.floor(days / DAYS_PER_MONTH), extraDays: days % DAYS_PER_MONTH };
}
