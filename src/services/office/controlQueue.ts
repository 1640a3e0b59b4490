import { addDays } from '../../domain/calendarDate';
import { startFlag } from '../../domain/conventionStatus';
import { officeQueueRepository, type QueueFilters, type QueueRow } from '../../models/officeQueueRepository';
import type { Executor } from '../../models/database';
import type { Finding } from '../../domain/legal/finding';
import { reviewedCumulationFlags } from './cumulationReviews';
import { effectiveAcademicTutorId, validationBlockers } from './blockers';

export const queuePageSize = 25;

/** A queue row with what blocks its validation (submitted conventions only), from the stored findings. */
function withBlockers(row: QueueRow) {
  const blockers =
    row.state === 'submitted'
      ? validationBlockers({
          subjectState: row.subjectState,
          academicTutorId: effectiveAcademicTutorId(row.subjectTutorId, row.chosenTutorId),
          organisationValidated: row.organisationValidated,
          findings: row.legalFindings as Finding[],
        })
      : [];
  return { ...row, blockers };
}

export type QueueItem = ReturnType<typeof withBlockers>;

export async function controlQueue(db: Executor, filters: QueueFilters, page: number, today: string, withinDays: number) {
  // The filters' choices do not depend on the page: read beside it (on another pooled connection when there is one).
  const [{ rows, total }, options] = await Promise.all([
    officeQueueRepository.list(db, filters, { limit: queuePageSize, offset: (page - 1) * queuePageSize }),
    officeQueueRepository.filterOptions(db, filters.organisationId),
  ]);
  const flags = await reviewedCumulationFlags(db, rows);
  const items = rows.map((row) => ({
    ...withBlockers(row),
    startFlag: startFlag(row, today, withinDays),
    /** Those the office has not dealt with yet: the queue is what remains to do. */
    cumulationFlags: (flags.get(row.id) ?? []).filter((flag) => !flag.review),
  }));
  return {
    items,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / queuePageSize)),
    options,
  };
}

/** The office's landing page: counters by state and the conventions that start soon (or have started) without being complete. */
export async function officeDashboard(db: Executor, today: string, withinDays: number) {
  const lastDay = addDays(today, withinDays);
  const [starting, counts] = await Promise.all([officeQueueRepository.listStartingBy(db, lastDay), officeQueueRepository.countByState(db)]);
  const startingSoon = starting.map((row) => ({
    ...withBlockers(row),
    started: row.startDate !== null && row.startDate <= today,
  }));
  return { counts, startingSoon, lastDay };
}
