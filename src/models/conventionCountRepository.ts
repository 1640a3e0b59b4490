import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from './database';
import { conventionCounts } from './schema';
import type { ConventionState } from '../domain/workflow';

/**
 * The counts of conventions kept by the triggers of migration 0026 (see `conventionCounts` in the schema): a sum over
 * a few hundred rows, whatever the number of conventions.
 */
export const conventionCountRepository = {
  /** Conventions by state, every year and programme together. */
  byStateQuery(db: Executor) {
    return db
      .select({ state: conventionCounts.state, total: sql<number>`sum(${conventionCounts.n})::int`.as('total') })
      .from(conventionCounts)
      .groupBy(conventionCounts.state);
  },

  /** Conventions of a year, a programme or a state when given; drafts left out when `filedOnly` (the internship database). */
  totalQuery(
    db: Executor,
    filter: { academicYear?: string; programmeId?: number; state?: ConventionState },
    { filedOnly }: { filedOnly: boolean },
  ) {
    return db
      .select({ total: sql<number>`coalesce(sum(${conventionCounts.n}), 0)::int`.as('total') })
      .from(conventionCounts)
      .where(
        and(
          filedOnly ? ne(conventionCounts.state, 'draft') : undefined,
          filter.academicYear ? eq(conventionCounts.academicYear, filter.academicYear) : undefined,
          filter.programmeId ? eq(conventionCounts.programmeId, filter.programmeId) : undefined,
          filter.state ? eq(conventionCounts.state, filter.state) : undefined,
        ),
      );
  },

  /**
   * Folds the differences appended since the last time into one row per state, year and programme (none where they
   * cancel out); returns how many rows there were. Rows a transaction appends meanwhile are not yet visible to the
   * deletion, so they stay and are folded next time: the sums never change.
   */
  async compact(db: Executor): Promise<number> {
    const result = (await db.execute(sql`
      with folded as (delete from ${conventionCounts} returning state, academic_year, programme_id, n),
        kept as (
          insert into ${conventionCounts} (state, academic_year, programme_id, n)
          select state, academic_year, programme_id, sum(n)::int from folded group by 1, 2, 3 having sum(n) <> 0
        )
      select count(*)::int as rows from folded`)) as unknown as { rows: { rows: number }[] };
    return Number(result.rows[0]?.rows ?? 0);
  },
};
