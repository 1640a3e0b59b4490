import { yearOf } from '../calendarDate';
import { weeklyHours } from '../hours';
import { gratificationRatesFor, GratificationRates, Thresholds } from '../thresholds';
import { ConventionRule, ConventionRuleInput, hoursWithSameHost } from './conventionRuleInput';
import { error, warning } from './finding';

const WEEKS_PER_MONTH = 52 / 12;

/** L124-6: due from the 309th hour at the same host in the same academic year, all conventions added. */
export function gratificationIsMandatory(input: ConventionRuleInput, thresholds: Thresholds): boolean {
  return hoursWithSameHost(input) > thresholds.gratification.mandatoryAboveHours;
}

export const gratificationPresent: ConventionRule = (input, thresholds) => {
  const amount = input.gratification.amount;
  if (!gratificationIsMandatory(input, thresholds) || (amount !== null && amount > 0)) return [];
  const params = { threshold: thresholds.gratification.mandatoryAboveHours, total: hoursWithSameHost(input) };
  return [error('legal.gratificationMissing', params, 'gratificationAmount')];
};

/**
 * The minimum only binds a mandatory gratification. An internship spanning two calendar years must meet
 * the higher of their minimums, since one amount is written for the whole period.
 */
export const hourlyGratificationMinimum: ConventionRule = (input, thresholds) => {
  const { amount, unit } = input.gratification;
  const rates = strictestRates(input, thresholds);
  if (unit !== 'hour' || amount === null || amount <= 0 || !rates) return [];
  if (!gratificationIsMandatory(input, thresholds) || amount >= rates.hourlyMinimum) return [];
  const params = { amount, minimum: rates.hourlyMinimum, year: rates.year };
  return [error('legal.gratificationBelowHourlyMinimum', params, 'gratificationAmount')];
};

/**
 * A monthly amount is compared with hourly minimum × weekly hours × 52 / 12, rounded to the cent
 * (35 h a week in 2026: 4.50 × 35 × 52 / 12 = 682.50 €). Months with fewer working days may still
 * be paid under the minimum, hence a warning only.
 */
export const monthlyGratificationMinimum: ConventionRule = (input, thresholds) => {
  const { amount, unit } = input.gratification;
  const rates = strictestRates(input, thresholds);
  if (unit !== 'month' || amount === null || amount <= 0 || !rates) return [];
  if (!gratificationIsMandatory(input, thresholds)) return [];
  const hoursPerWeek = weeklyHours(input.workingDays, input.hoursPerDay);
  const minimum = monthlyMinimum(rates.hourlyMinimum, hoursPerWeek);
  if (amount >= minimum) return [];
  const params = { amount, minimum, hourlyMinimum: rates.hourlyMinimum, weeklyHours: hoursPerWeek, year: rates.year };
  return [warning('legal.gratificationBelowMonthlyMinimum', params, 'gratificationAmount')];
};

export function monthlyMinimum(hourlyMinimum: number, hoursPerWeek: number): number {
  return Math.round(hourlyMinimum * hoursPerWeek * WEEKS_PER_MONTH * 100) / 100;
}

function strictestRates(input: ConventionRuleInput, thresholds: Thresholds): GratificationRates | null {
  const firstYear = yearOf(input.startDate);
  const lastYear = Math.max(firstYear, yearOf(input.endDate));
  let strictest: GratificationRates | null = null;
  for (let year = firstYear; year <= lastYear; year += 1) {
    const rates = gratificationRatesFor(`${year}-12-31`, thresholds);
    if (rates && (!strictest || rates.hourlyMinimum > strictest.hourlyMinimum)) strictest = rates;
  }
  return strictest;
}
