import { academicYearBounds } from '../../../domain/academicYear';
import { DAYS_PER_LEGAL_MONTH, HOURS_PER_LEGAL_DAY } from '../../../domain/hours';
import { hourlyMinimum } from '../../../domain/thresholds';
import { presenceWeekdays, scheduleWeeklyHours } from '../../../domain/weeklySchedule';
import type { Database } from '../../../models/database';
import { internshipDatabaseRepository, statisticsGroupsSchema, type StatisticsGroups } from '../../../models/internshipDatabaseRepository';
import { statisticsCacheRepository } from '../../../models/statisticsCacheRepository';

/** What an hourly gratification and its band are computed from. */
interface GratificationInput {
  gratificationAmount: number | null;
  gratificationUnit: 'hour' | 'month' | null;
  weeklySchedule: number[] | null;
  startDate: string | null;
}

/** Most frequent first, then by label. */
function sorted(counts: { label: string; count: number }[]): { label: string; count: number }[] {
  return [...counts].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

export function hourlyGratification(row: Omit<GratificationInput, 'startDate'>): number | null {
  if (!row.gratificationAmount || row.gratificationAmount <= 0) return null;
  if (row.gratificationUnit === 'hour') return row.gratificationAmount;
  // D124-6's 22 days a month, each of the schedule's average day: how a monthly gratification becomes an hourly one.
  const days = row.weeklySchedule ? presenceWeekdays(row.weeklySchedule).length : 0;
  const averageDay = days > 0 ? scheduleWeeklyHours(row.weeklySchedule!) / days : HOURS_PER_LEGAL_DAY;
  return row.gratificationAmount / (averageDay * DAYS_PER_LEGAL_MONTH);
}

/** Every month of an academic year, '2026-09' … '2027-08' for the default start, whatever was counted. */
function monthsOf(academicYear: string): string[] {
  const { start, end } = academicYearBounds(academicYear);
  const months: string[] = [];
  let [year, month] = start.slice(0, 7).split('-').map(Number);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= end.slice(0, 7) || months.length >= 24) return months;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

/** Conventions by the month their internship starts, every month of the year shown (zero included), in order. */
function countByStartMonth(byMonth: { label: string; count: number }[], academicYear: string): { label: string; count: number }[] {
  const counts = new Map(monthsOf(academicYear).map((month) => [month, 0]));
  for (const { label, count } of byMonth) if (counts.has(label)) counts.set(label, counts.get(label)! + count);
  return [...counts].map(([label, count]) => ({ label, count }));
}

/** The gratification bands, in order; `belowMinimum` is what the legal engine blocks, so it should stay at 0. */
export const gratificationBands = ['none', 'belowMinimum', 'minimum', 'upTo125', 'upTo150', 'above150'] as const;
export type GratificationBand = (typeof gratificationBands)[number];

/** An hourly gratification against the legal minimum of its start year: at it (up to +5 %), then by quarters. */
export function gratificationBand(row: GratificationInput): GratificationBand {
  const hourly = hourlyGratification(row);
  if (hourly === null) return 'none';
  let minimum: number;
  try {
    minimum = hourlyMinimum(row.startDate ?? '2025-01-01');
  } catch {
    return 'minimum';
  }
  // Rounded to the cent first: 4.50 € typed for a 4.50 € minimum is at the minimum, not a float's hair below.
  const ratio = Math.round(hourly * 100) / Math.round(minimum * 100);
  if (ratio < 1) return 'belowMinimum';
  if (ratio <= 1.05) return 'minimum';
  if (ratio <= 1.25) return 'upTo125';
  if (ratio <= 1.5) return 'upTo150';
  return 'above150';
}

/**
 * The figures of one academic year, drafts left out; cancelled conventions count in "by state" only. The database
 * groups the year's conventions; the gratified ones come grouped by what their hourly amount depends on.
 */
export function computeStatistics(groups: StatisticsGroups, academicYear?: string) {
  const bands = new Map<GratificationBand, number>(gratificationBands.map((band) => [band, 0]));
  let gratified = 0;
  let hourlySum = 0;
  for (const group of groups.gratified) {
    const row = { ...group, startDate: group.startYear === null ? null : `${String(group.startYear).padStart(4, '0')}-01-01` };
    const hourly = hourlyGratification(row);
    const band = gratificationBand(row);
    bands.set(band, bands.get(band)! + group.count);
    if (hourly === null) continue;
    gratified += group.count;
    hourlySum += hourly * group.count;
  }
  // The others, without an amount above zero, are not gratified.
  bands.set('none', bands.get('none')! + groups.active - groups.gratified.reduce((sum, group) => sum + group.count, 0));
  return {
    total: groups.byState.reduce((sum, group) => sum + group.count, 0),
    active: groups.active,
    byState: sorted(groups.byState),
    byProgramme: sorted(groups.byProgramme),
    byCountry: sorted(groups.byCountry),
    byHeadcountBand: sorted(groups.byHeadcountBand),
    byStartMonth: academicYear ? countByStartMonth(groups.byStartMonth, academicYear) : [],
    byGratification: gratificationBands.map((band) => ({ label: band, count: bands.get(band)! })),
    gratified,
    notGratified: groups.active - gratified,
    averageHourlyGratification: gratified === 0 ? null : hourlySum / gratified,
    averageHours: groups.averageHours,
    averageWeeks: groups.averageWeeks,
  };
}

/**
 * The grouped figures of a year: kept from the last time while nothing they depend on has changed (a page opened
 * again, by anyone, from any instance, costs a lookup), computed again and kept otherwise.
 */
async function statisticsGroupsOf(db: Database, academicYear: string, programmeId: number | undefined): Promise<StatisticsGroups> {
  const kept = await statisticsCacheRepository.read(db, academicYear, programmeId, statisticsGroupsSchema);
  if (kept) return kept;
  const { groups, fingerprint } = await internshipDatabaseRepository.statisticsGroups(db, academicYear, programmeId);
  await statisticsCacheRepository.store(db, academicYear, programmeId, fingerprint, groups);
  return groups;
}

/** One academic year's figures, of one programme when `programmeId` names one (else of all); both filters' choices. */
export async function yearStatistics(db: Database, academicYear: string, programmeId?: number) {
  const programmes = await internshipDatabaseRepository.programmes(db);
  const programme = programmes.find((candidate) => candidate.id === programmeId);
  const [groups, academicYears] = await Promise.all([
    statisticsGroupsOf(db, academicYear, programme?.id),
    internshipDatabaseRepository.academicYears(db),
  ]);
  return { ...computeStatistics(groups, academicYear), academicYears, programmes, programme };
}
