import { academicYearOf } from '../academicYear';
import { IsoDate } from '../calendarDate';
import { MonthHours, WeekHours } from '../presenceBreakdown';
import { WeeklySchedule } from '../weeklySchedule';
import { HostCumulation } from '../hostCumulation';
import { Thresholds } from '../thresholds';
import { Finding } from './finding';

export type GratificationUnit = 'hour' | 'month';

export interface GratificationPeriod {
  from: IsoDate;
  amount: number | null;
  unit: GratificationUnit;
  presenceByMonth: readonly MonthHours[];
}

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
  /** Why the declared total differs from the computed one, shown to the office. */
  declaredTotalReason?: string | null;
  /** Total hours from computePresence: the one every blocking rule counts. */
  computedTotalHours: number;
  /** The academic year the convention is filed under; it must be one the dates touch. */
  academicYear?: string | null;
  /**
   * The student's presence at the same legal entity (SIREN), by academic year and as an unbroken run, from the
   * dates of every other non-cancelled convention there. Absent: no other convention, the whole total in the start's year.
   */
  hostCumulation?: HostCumulation;
  gratification: { amount: number | null; unit: GratificationUnit };
  /**
   * An amendment that changes the gratification from a day inside the internship: each period with the amount that
   * applies to it and its own hours by month, the first one starting on the first day. Absent: one amount throughout.
   */
  gratificationPeriods?: readonly GratificationPeriod[];
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
  /** The name of a minor student's legal representative, a party who signs; null when none is given. */
  legalRepresentativeName: string | null;
  /** Days of leave the host grants over the internship (Article 10); null when none is stated. */
  leaveDaysGranted: number | null;
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

/**
 * Hours this convention counts for: always the computed total. A total declared by hand may explain a
 * difference (a warning) but never lowers what the law counts.
 */
export function conventionHours(input: ConventionRuleInput): number {
  return input.computedTotalHours;
}

/** The cumulation at the host; without one, this convention alone, counted in the academic year it starts in. */
export function hostCumulationOf(input: ConventionRuleInput): HostCumulation {
  return (
    input.hostCumulation ?? {
      years: [{ academicYear: academicYearOf(input.startDate), hours: conventionHours(input), otherHours: 0 }],
      consecutiveHours: conventionHours(input),
      consecutiveWith: [],
    }
  );
}
