import { toDayNumber } from '../../../domain/calendarDate';
import { DAYS_PER_LEGAL_MONTH, HOURS_PER_LEGAL_DAY } from '../../../domain/hours';
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

/** The figures of one academic year, drafts left out; cancelled conventions count in "by state" only. */
export function computeStatistics(all: StatisticsRow[]) {
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
    gratified: hourly.length,
    notGratified: rows.length - hourly.length,
    averageHourlyGratification: average(hourly),
    averageHours: average(hours),
    averageWeeks: average(weeks),
  };
}

export async function yearStatistics(db: Database, academicYear: string) {
  const [rows, academicYears] = await Promise.all([
    internshipDatabaseRepository.statisticsRows(db, academicYear),
    internshipDatabaseRepository.academicYears(db),
  ]);
  return { ...computeStatistics(rows), academicYears };
}
