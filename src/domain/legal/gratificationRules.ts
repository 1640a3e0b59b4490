import { monthOf, yearOf } from '../calendarDate';
import { roundToCents } from '../hours';
import { gratificationRatesFor, Thresholds } from '../thresholds';
import { ConventionRule, ConventionRuleInput, hoursWithSameHost } from './conventionRuleInput';
import { error } from './finding';

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
 * D124-8, one rule for both units: in each calendar month of the internship, the gratification must reach the
 * hourly minimum of that month's year × the month's hours of presence. A monthly amount is so checked against its
 * longest month (a March of 22 working days), while a short February or a partial first or last month needs less.
 * Below it in any month: an error the office may override with a reason. Only a mandatory gratification is bound.
 */
export const gratificationMinimum: ConventionRule = (input, thresholds) => {
  const { amount, unit } = input.gratification;
  if (amount === null || amount <= 0 || !gratificationIsMandatory(input, thresholds)) return [];
  const shortMonths = input.presenceByMonth.flatMap((entry) => {
    const rates = gratificationRatesFor(`${entry.month}-01`, thresholds);
    if (!rates || entry.hours <= 0) return [];
    const minimum = roundToCents(rates.hourlyMinimum * entry.hours);
    const below = unit === 'hour' ? amount < rates.hourlyMinimum : amount < minimum;
    return below ? [{ ...entry, minimum, rates }] : [];
  });
  if (shortMonths.length === 0) return [];
  if (unit === 'hour') {
    const { rates } = shortMonths.reduce((worst, entry) => (entry.rates.hourlyMinimum > worst.rates.hourlyMinimum ? entry : worst));
    const params = { amount, minimum: rates.hourlyMinimum, year: rates.year };
    return [error('legal.gratificationBelowHourlyMinimum', params, 'gratificationAmount', true)];
  }
  const worst = shortMonths.reduce((highest, entry) => (entry.minimum > highest.minimum ? entry : highest));
  const params = {
    amount,
    minimum: worst.minimum,
    hours: worst.hours,
    hourlyMinimum: worst.rates.hourlyMinimum,
    month: monthOf(`${worst.month}-01`),
    year: yearOf(`${worst.month}-01`),
    count: shortMonths.length,
  };
  return [error('legal.gratificationBelowMonthlyMinimum', params, 'gratificationAmount', true)];
};
