import { academicYearSlices } from '../academicYear';
import { ConventionRule } from './conventionRuleInput';
import { error } from './finding';

/** A one-day internship (end = start) is allowed. */
export const endNotBeforeStart: ConventionRule = (input) =>
  input.endDate < input.startDate ? [error('legal.endBeforeStart', { startDate: input.startDate, endDate: input.endDate }, 'endDate')] : [];

/** A new convention cannot start in the past; today is allowed. Validated ones keep their dates. */
export const startNotInPast: ConventionRule = (input) =>
  input.isNew && input.startDate < input.today
    ? [error('legal.startInPast', { startDate: input.startDate, today: input.today }, 'startDate')]
    : [];

/** The academic year a convention is filed under is one its dates touch: a label cannot move hours out of a year. */
export const academicYearMatchesDates: ConventionRule = (input) => {
  if (!input.academicYear || input.endDate < input.startDate) return [];
  const years = academicYearSlices(input.startDate, input.endDate).map((slice) => slice.academicYear);
  if (years.includes(input.academicYear)) return [];
  return [error('legal.academicYearOutsideDates', { academicYear: input.academicYear, years: years.join(', ') }, 'academicYear')];
};
