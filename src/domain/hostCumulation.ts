import { type HostStay } from './hostStay';
import { roundToCents } from './hours';

/** What the legal rules need to know about the student's presence at one host (one legal entity). */
export interface HostCumulation {
  /** This convention's hours in each academic year it touches, and the hours of the student's other conventions there that year. */
  years: readonly { academicYear: string; hours: number; otherHours: number }[];
  /** Hours of the unbroken run of conventions at this host that includes this one, this one's included. */
  consecutiveHours: number;
  /** The other conventions of that run. */
  consecutiveWith: readonly number[];
}

/** L124-6: what makes the gratification due, or null: a year's total, or an unbroken run, above the threshold. */
export interface GratificationBasis {
  total: number;
  /** The academic year whose total is above the threshold; absent when it is the unbroken run (over two years). */
  academicYear?: string;
}

/**
 * The student's presence at a host around one convention. Other stays in the same academic year add up,
 * consecutive or not; stays that follow one another without a day of presence missed between them form one run,
 * even over 31 August.
 */
export function cumulate(current: HostStay, others: readonly HostStay[]): HostCumulation {
  const years = current.hoursByYear.map(({ academicYear, hours }) => ({
    academicYear,
    hours,
    otherHours: roundToCents(
      others.reduce((sum, other) => sum + (other.hoursByYear.find((year) => year.academicYear === academicYear)?.hours ?? 0), 0),
    ),
  }));
  const run = unbrokenRun(current, others);
  return {
    years,
    consecutiveHours: roundToCents(run.reduce((sum, stay) => sum + stay.hours, 0)),
    consecutiveWith: run.filter((stay) => stay !== current).map((stay) => stay.id),
  };
}

function unbrokenRun(current: HostStay, others: readonly HostStay[]): HostStay[] {
  const stays = [current, ...others].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id - b.id);
  let run: HostStay[] = [];
  let resumesBy = '';
  for (const stay of stays) {
    if (run.length > 0 && stay.startDate > resumesBy) {
      if (run.includes(current)) return run;
      run = [];
    }
    resumesBy = run.length === 0 ? stay.resumesBy : max(resumesBy, stay.resumesBy);
    run.push(stay);
  }
  return run;
}

const max = (a: string, b: string) => (a > b ? a : b);

export function gratificationBasis(cumulation: HostCumulation, threshold: number): GratificationBasis | null {
  const busiest = [...cumulation.years].sort((a, b) => b.hours + b.otherHours - (a.hours + a.otherHours))[0];
  const yearTotal = busiest ? roundToCents(busiest.hours + busiest.otherHours) : 0;
  if (yearTotal > threshold && yearTotal >= cumulation.consecutiveHours) return { total: yearTotal, academicYear: busiest.academicYear };
  if (cumulation.consecutiveHours > threshold) return { total: cumulation.consecutiveHours };
  return null;
}

/** Over the cap in an academic year: the year, its total and this convention's share. */
export function yearsAboveCap(cumulation: HostCumulation, cap: number) {
  return cumulation.years
    .map((year) => ({ ...year, total: roundToCents(year.hours + year.otherHours) }))
    .filter((year) => year.total > cap);
}

export type CumulationFlag =
  | { code: 'cumulation.gratificationDue'; params: { total: number; threshold: number; academicYear: string; by: string } }
  | { code: 'cumulation.gratificationDueConsecutive'; params: { total: number; threshold: number; by: string } }
  | { code: 'cumulation.hostYearCap'; params: { total: number; cap: number; academicYear: string; by: string } };

/**
 * Re-check of an earlier convention (D124-8): the conventions that start after it at the same host make the
 * total cross 308 h (gratification due from its first day) or 924 h in a year it touches, while the
 * conventions up to it did not. `by` names the later conventions that count.
 */
export function laterCrossings(
  current: HostStay,
  others: readonly HostStay[],
  thresholds: { mandatoryAboveHours: number; maxHoursPerHostPerAcademicYear: number },
): CumulationFlag[] {
  const isLater = (other: HostStay) =>
    other.startDate > current.startDate || (other.startDate === current.startDate && other.id > current.id);
  const later = others.filter(isLater);
  if (later.length === 0) return [];
  const full = cumulate(current, others);
  const before = cumulate(
    current,
    others.filter((other) => !isLater(other)),
  );
  const years = new Set(current.hoursByYear.map((year) => year.academicYear));
  const counted = later.filter(
    (other) => full.consecutiveWith.includes(other.id) || other.hoursByYear.some((year) => year.hours > 0 && years.has(year.academicYear)),
  );
  const by = counted.map((other) => other.reference ?? `#${other.id}`).join(', ');
  const flags: CumulationFlag[] = [];
  const threshold = thresholds.mandatoryAboveHours;
  const basis = gratificationBasis(full, threshold);
  if (basis && !gratificationBasis(before, threshold)) {
    flags.push(
      basis.academicYear
        ? { code: 'cumulation.gratificationDue', params: { total: basis.total, academicYear: basis.academicYear, threshold, by } }
        : { code: 'cumulation.gratificationDueConsecutive', params: { total: basis.total, threshold, by } },
    );
  }
  const cap = thresholds.maxHoursPerHostPerAcademicYear;
  const alreadyAbove = new Set(yearsAboveCap(before, cap).map((year) => year.academicYear));
  for (const year of yearsAboveCap(full, cap)) {
    if (!alreadyAbove.has(year.academicYear)) {
      flags.push({ code: 'cumulation.hostYearCap', params: { total: year.total, cap, academicYear: year.academicYear, by } });
    }
  }
  return flags;
}

/**
 * A flag as the office saw it: its kind, the year it is about and the later conventions that make it. The office's
 * "dealt with" is kept under this key, so a crossing made by another convention is a new flag, shown again.
 */
export function cumulationFlagKey(flag: CumulationFlag): string {
  const year = 'academicYear' in flag.params ? flag.params.academicYear : '';
  return `${flag.code}|${year}|${flag.params.by}`;
}
