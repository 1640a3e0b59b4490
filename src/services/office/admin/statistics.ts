import { academicYearBounds } from '../../../domain/academicYear';
import { toDayNumber } from '../../../domain/calendarDate';
import { DAYS_PER_LEGAL_MONTH, HOURS_PER_LEGAL_DAY } from '../../../domain/hours';
import { hourlyMinimum } from '../../../domain/thresholds';
import { presenceWeekdays, scheduleWeeklyHours } from '../../../domain/weeklySchedule';
import type { Database } from '../../../models/database';
import { internshipDatabaseRepository } from '../../../models/internshipDatabaseRepository';

type StatisticsRow = Awaited<ReturnType<typeof internshipDatabaseRepository.statisticsRows>>[number];

function countBy(rows: StatisticsRow[], key: (row: StatisticsRow) => string): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

function average(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

export function hourlyGratification(
  row: Pick<StatisticsRow, 'gratificationAmount' | 'gratificationUnit' | 'weeklySchedule'>,
): number | null {
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
function countByStartMonth(rows: StatisticsRow[], academicYear: string): { label: string; count: number }[] {
  const counts = new Map(monthsOf(academicYear).map((month) => [month, 0]));
  for (const row of rows) {
    const month = row.startDate?.slice(0, 7);
    if (month && counts.has(month)) counts.set(month, counts.get(month)! + 1);
  }
  return [...counts].map(([label, count]) => ({ label, count }));
}

/** The gratification bands, in order; `belowMinimum` is what the legal engine blocks, so it should stay at 0. */
export const gratificationBands = ['none', 'belowMinimum', 'minimum', 'upTo125', 'upTo150', 'above150'] as const;
export type GratificationBand = (typeof gratificationBands)[number];

/** An hourly gratification against the legal minimum of its start year: at it (up to +5 %), then by quarters. */
export function gratificationBand(
  row: Pick<StatisticsRow, 'gratificationAmount' | 'gratificationUnit' | 'weeklySchedule' | 'startDate'>,
): GratificationBand {
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

/** The figures of one academic year, drafts left out; cancelled conventions count in "by state" only. */
export function computeStatistics(all: StatisticsRow[], academicYear?: string) {
  const rows = all.filter((row) => row.state !== 'cancelled');
  const hourly = rows.map(hourlyGratification).filter((value): value is number => value !== null);
  const hours = rows.map((row) => row.totalHours).filter((value): value is number => typeof value === 'number' && value > 0);
  const weeks = rows
    .filter((row) => row.startDate && row.endDate)
    .map((row) => (toDayNumber(row.endDate!) - toDayNumber(row.startDate!) + 1) / 7);
  return {
    total: all.length,
    active: rows.length,
    byState: countBy(all, (row) => row.state),
    byProgramme: countBy(rows, (row) => row.programmeTitle),
    byCountry: countBy(rows, (row) => row.country ?? ''),
    byHeadcountBand: countBy(rows, (row) => row.headcountBand ?? ''),
    byStartMonth: academicYear ? countByStartMonth(rows, academicYear) : [],
    byGratification: gratificationBands.map((band) => ({
      label: band,
      count: rows.filter((row) => gratificationBand(row) === band).length,
    })),
    gratified: hourly.length,
    notGratified: rows.length - hourly.length,
    averageHourlyGratification: average(hourly),
    averageHours: average(hours),
    averageWeeks: average(weeks),
  };
}

/** One academic year's figures, of one programme when `programmeId` names one (else of all); both filters' choices. */
export async function yearStatistics(db: Database, academicYear: string, programmeId?: number) {
  const programmes = await internshipDatabaseRepository.programmes(db);
  const programme = programmes.find((candidate) => candidate.id === programmeId);
  const [rows, academicYears] = await Promise.all([
    internshipDatabaseRepository.statisticsRows(db, academicYear, programme?.id),
    internshipDatabaseRepository.academicYears(db),
  ]);
  return { ...computeStatistics(rows, academicYear), academicYears, programmes, programme };
}
