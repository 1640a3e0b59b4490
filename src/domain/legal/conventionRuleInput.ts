import { IsoDate } from '../calendarDate';
import { MonthHours, WeekHours } from '../presenceBreakdown';
import { WeeklySchedule } from '../weeklySchedule';
import { Thresholds } from '../thresholds';
import { Finding } from './finding';

export type GratificationUnit = 'hour' | 'month';

/** What the legal rules need to know about one convention. Property names double as form field names. */
export interface ConventionRuleInput {
  /** The day of evaluation, supplied by the caller. */
  today: IsoDate;
  /** True while the convention has never been validated (a start in the past is then refused). */
  isNew: boolean;
  startDate: IsoDate;
  endDate: IsoDate;
  /** Hours on each weekday, Monday first; findings on one day name the field `dayHours<weekday>`. */
  weeklySchedule: WeeklySchedule;
  /** This convention's hours in each calendar month of the internship (presenceBreakdown). */
  presenceByMonth: readonly MonthHours[];
  /** This convention's hours in each ISO week of the internship (presenceBreakdown). */
  presenceByWeek: readonly WeekHours[];
  /** Total hours of presence written in the convention; null when the form leaves it to the computation. */
  declaredTotalHours: number | null;
  /** Total hours from computePresence. */
  computedTotalHours: number;
  /** Hours of the student's other non-cancelled conventions with the same host in the same academic year. */
  otherHoursSameHostSameYear: number;
  gratification: { amount: number | null; unit: GratificationUnit };
  nightPresence: boolean;
  nightDescription?: string | null;
  /** Declared hours outside the weekly schedule, for the whole internship: null when not given. */
  nightHours?: number | null;
  /** Occasional Sunday presence, outside the weekly schedule (a schedule with Sunday hours is Sunday presence too). */
  sundayPresence: boolean;
  sundayDescription?: string | null;
  sundayHours?: number | null;
  holidayPresence: boolean;
  holidayDescription?: string | null;
  holidayHours?: number | null;
  isMinor: boolean;
  /** For a minor: the derogation (sector and collective agreement, L3164-5, L3164-8) allowing Sunday or public-holiday presence. */
  minorDerogation?: string | null;
  /** The host's usual weekly hours for its employees; the thresholds' usual value when unknown. */
  hostUsualWeeklyHours?: number | null;
  abroad: boolean;
  /** The host country (ISO code or name), printed in the abroad warning. */
  country?: string | null;
  programmeTitle: string | null;
  programmeTeachingHours: number | null;
  skills: string | null;
  activities: string | null;
  professionalTutorName: string | null;
  academicTutorName: string | null;
  hostSignatoryName: string | null;
}

export type ConventionRule = (input: ConventionRuleInput, thresholds: Thresholds) => Finding[];

/** Hours this convention counts for: the declared total when there is one, since that is what the parties sign. */
export function conventionHours(input: ConventionRuleInput): number {
  return input.declaredTotalHours ?? input.computedTotalHours;
}

export function hoursWithSameHost(input: ConventionRuleInput): number {
  return conventionHours(input) + input.otherHoursSameHostSameYear;
}
