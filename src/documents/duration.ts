import { DAYS_PER_LEGAL_MONTH as DAYS_PER_MONTH, HOURS_PER_LEGAL_DAY as HOURS_PER_DAY } from '../domain/hours';

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
