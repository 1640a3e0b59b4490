/** D124-6: 7 hours of presence count as one day, 22 days as one month. */
export const HOURS_PER_DAY = 7;
export const DAYS_PER_MONTH = 22;

export interface EffectiveDuration {
  hours: number;
  days: number;
  months: number;
}

function roundTo2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function effectiveDuration(totalHours: number): EffectiveDuration {
  const days = totalHours / HOURS_PER_DAY;
  return { hours: totalHours, days: roundTo2(days), months: roundTo2(days / DAYS_PER_MONTH) };
}
