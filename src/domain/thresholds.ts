import { IsoDate, yearOf } from './calendarDate';
import thresholdsData from './thresholds.json';

export interface GratificationRates {
  /** The calendar year whose entry applies (the latest one not after the date's year). */
  year: number;
  /** 15 % of the hourly social-security ceiling (D124-8), in euros. */
  hourlyMinimum: number;
  hourlySocialSecurityCeiling: number;
}

export interface Thresholds {
  gratification: {
    byYear: Record<string, { hourlyMinimum: number; hourlySocialSecurityCeiling: number }>;
    /** Gratification is mandatory above this many hours (2 months, L124-6). */
    mandatoryAboveHours: number;
  };
  duration: { maxHoursPerHostPerAcademicYear: number };
  workingTime: {
    maxHoursPerDay: number;
    maxHoursPerWeek: number;
    /** L3121-22: at most this average over any run of `averagePeriodWeeks` consecutive weeks. */
    maxAverageWeeklyHours: number;
    averagePeriodWeeks: number;
    usualWeeklyHours: number;
    /** L3164-2: minors rest `consecutiveRestDays` days in a row each week. */
    minor: { maxHoursPerDay: number; maxHoursPerWeek: number; consecutiveRestDays: number };
  };
  programme: { minTeachingHoursPerYear: number };
}

/** The thresholds shipped in thresholds.json; pass another object in tests or for another institution. */
export const defaultThresholds: Thresholds = thresholdsData;

/** Rates for the calendar year of a date, or null when the data starts after that year. */
export function gratificationRatesFor(date: IsoDate, thresholds: Thresholds = defaultThresholds): GratificationRates | null {
  const year = yearOf(date);
  const applicableYear = Object.keys(thresholds.gratification.byYear)
    .map(Number)
    .filter((entryYear) => entryYear <= year)
    .sort((left, right) => right - left)[0];
  if (applicableYear === undefined) return null;
  return { year: applicableYear, ...thresholds.gratification.byYear[String(applicableYear)] };
}

/** Minimum hourly gratification in euros for the year of a date; throws before the first year in the data. */
export function hourlyMinimum(date: IsoDate, thresholds: Thresholds = defaultThresholds): number {
  const rates = gratificationRatesFor(date, thresholds);
  if (!rates) throw new RangeError(`No gratification rate known for ${date}`);
  return rates.hourlyMinimum;
}
