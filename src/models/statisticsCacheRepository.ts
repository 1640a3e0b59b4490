import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from './database';
import { statisticsCache, statisticsChanges } from './schema';

/** The programme key of the figures of every programme together. */
const allProgrammes = 0;

/**
 * The statistics of a year as last computed, kept with the fingerprint of what they were computed from (see
 * `statisticsChanges` in the schema): a page served from them while no filed convention of that year, no host's
 * country or headcount and no programme's title has changed since, computed again otherwise.
 */
export const statisticsCacheRepository = {
  /**
   * The sum of the changes of a year and of every year: it only grows. Read in the same statement as the figures it
   * stands for, it is exactly what they were computed from (one snapshot).
   */
  fingerprint(academicYear: string): SQL<number> {
    return sql<number>`(select coalesce(sum(${statisticsChanges.n}), 0) from ${statisticsChanges} where ${statisticsChanges.academicYear} in (${academicYear}, '*'))`;
  },

  /**
   * The figures kept for the year (and programme), if nothing they depend on has changed since and they still have
   * the shape `schema` describes (kept by an earlier version, they may not); else undefined.
   */
  async read<Groups>(
    db: Executor,
    academicYear: string,
    programmeId: number | undefined,
    schema: z.ZodType<Groups>,
  ): Promise<Groups | undefined> {
    const [kept] = await db
      .select({ groups: statisticsCache.groups })
      .from(statisticsCache)
      .where(
        and(
          eq(statisticsCache.academicYear, academicYear),
          eq(statisticsCache.programmeId, programmeId ?? allProgrammes),
          sql`${statisticsCache.fingerprint} = ${statisticsCacheRepository.fingerprint(academicYear)}`,
        ),
      );
    const parsed = kept && schema.safeParse(kept.groups);
    return parsed && parsed.success ? parsed.data : undefined;
  },

  /**
   * Keeps figures computed at `fingerprint`, unless newer ones are kept already (two instances computing the same
   * year at once: the later snapshot wins, whichever finishes last).
   */
  async store(db: Executor, academicYear: string, programmeId: number | undefined, fingerprint: number, groups: unknown) {
    await db
      .insert(statisticsCache)
      .values({ academicYear, programmeId: programmeId ?? allProgrammes, fingerprint, groups })
      .onConflictDoUpdate({
        target: [statisticsCache.academicYear, statisticsCache.programmeId],
        set: { fingerprint, groups, computedAt: sql`now()` },
        // At the same fingerprint the figures are the same ones, perhaps in today's shape where the kept ones are not.
        setWhere: sql`${statisticsCache.fingerprint} <= ${fingerprint}`,
      });
  },

  /**
   * Folds the changes appended since the last time into one row per year; returns how many rows there were. Like
   * the counts' fold: rows appended meanwhile are not visible to the deletion and stay, so no sum ever changes.
   */
  async compact(db: Executor): Promise<number> {
    const result = (await db.execute(sql`
      with folded as (delete from ${statisticsChanges} returning academic_year, n),
        kept as (insert into ${statisticsChanges} (academic_year, n) select academic_year, sum(n) from folded group by 1)
      select count(*)::int as rows from folded`)) as unknown as { rows: { rows: number }[] };
    return Number(result.rows[0]?.rows ?? 0);
  },
};
