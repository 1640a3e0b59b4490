import { monthOf, yearOf } from '../calendarDate';
import { gratificationBasis } from '../hostCumulation';
import { roundToCents } from '../hours';
import { gratificationRatesFor, Thresholds } from '../thresholds';
import { ConventionRule, ConventionRuleInput, hostCumulationOf } from './conventionRuleInput';
import { error, Finding, warning } from './finding';

/**
 * L124-6: due above 2 months (308 h) at the same host: more than 308 h in one academic year, consecutive or not,
 * or more than 308 h of presence without a break, even across two academic years. Computed hours only.
 */
export function gratificationIsMandatory(input: ConventionRuleInput, thresholds: Thresholds): boolean {
  return gratificationBasis(hostCumulationOf(input), thresholds.gratification.mandatoryAboveHours) !== null;
}

export const gratificationPresent: ConventionRule = (input, thresholds) => {
  const amount = input.gratification.amount;
  const threshold = thresholds.gratification.mandatoryAboveHours;
  const basis = gratificationBasis(hostCumulationOf(input), threshold);
  if (!basis || (amount !== null && amount > 0)) return [];
  const code = basis.academicYear ? 'legal.gratificationMissing' : 'legal.gratificationMissingConsecutive';
  return [error(code, { threshold, ...basis }, 'gratificationAmount')];
};

/**
 * A calendar year missing from the table (its ceiling not yet published) is checked with the latest published
 * rate, and the office is told; a year before the table is not checked, and the office is told too. No field: the
 * student has nothing to correct, so the internship step does not stop on it.
 */
export const gratificationRatePublished: ConventionRule = (input, thresholds) => {
  if (!gratificationIsMandatory(input, thresholds)) return [];
  const findings: Finding[] = [];
  for (const year of calendarYears(input)) {
    if (thresholds.gratification.byYear[String(year)]) continue;
    const rates = gratificationRatesFor(`${year}-12-31`, thresholds);
    findings.push(
      rates
        ? warning('legal.gratificationRateNotPublished', { year, usedYear: rates.year })
        : warning('legal.gratificationRateUnknown', { year }),
    );
  }
  return findings;
};

/**
 * D124-8, one rule for both units: in each calendar month of the internship, the gratification must reach the
 * hourly minimum of that month's year × the month's hours of presence. A monthly amount is so checked against its
 * longest month (a March of 22 working days), while a short February or a partial first or last month needs less.
 * Below it in any month: an error the office may override with a reason. Only a mandatory gratification is bound.
 */
export const gratificationMinimum: ConventionRule = (input, thresholds) => {
  if (!input.gratificationPeriods || input.gratificationPeriods.length === 0)
    return minimumOver(input.gratification, input.presenceByMonth, input, thresholds);
  if (!gratificationIsMandatory(input, thresholds)) return [];
  return input.gratificationPeriods.flatMap((period, index) => {
    // Due from the first day (L124-6): a later start of the gratification leaves the first days unpaid.
    if (index === 0 && (period.amount === null || period.amount <= 0) && period.presenceByMonth.some((entry) => entry.hours > 0)) {
      const next = input.gratificationPeriods![1];
      return [error('legal.gratificationDueFromStart', { start: input.startDate, from: next?.from ?? period.from }, 'gratificationFrom')];
    }
    return minimumOver(period, period.presenceByMonth, input, thresholds).map((finding) =>
      index === 0 ? finding : { ...finding, params: { ...finding.params, from: period.from } },
    );
  });
};

/**
 * One amount over some months: a month of a split (the amendment's day falls inside it) is checked on each side
 * with that side's hours, as a first or last month of the internship is.
 */
function minimumOver(
  gratification: { amount: number | null; unit: ConventionRuleInput['gratification']['unit'] },
  presenceByMonth: ConventionRuleInput['presenceByMonth'],
  input: ConventionRuleInput,
  thresholds: Thresholds,
): Finding[] {
  const { amount, unit } = gratification;
  if (amount === null || amount <= 0 || !gratificationIsMandatory(input, thresholds)) return [];
  const shortMonths = presenceByMonth.flatMap((entry) => {
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
}

function calendarYears(input: ConventionRuleInput): number[] {
  const firstYear = yearOf(input.startDate);
  const lastYear = Math.max(firstYear, yearOf(input.endDate));
  return Array.from({ length: lastYear - firstYear + 1 }, (_, index) => firstYear + index);
}
