import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/models/database';
import { internshipDatabaseRepository, statisticsGroupsSchema } from '../../src/models/internshipDatabaseRepository';
import { statisticsCacheRepository } from '../../src/models/statisticsCacheRepository';
import { openTestDatabase, truncateAll } from '../support/database';

/**
 * The statistics kept with their fingerprint (migration 0027): served again while nothing they are computed from has
 * changed, never once it has, whatever statement changed it.
 */
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});
beforeEach(async () => {
  await truncateAll(handle);
  await handle.db.execute(sql`insert into users (iss, sub) values ('https://lms.example', 'student-1')`);
  await handle.db.execute(sql`insert into programmes (iss, client_id, deployment_id, context_id, title)
    values ('https://lms.example', 'c', 'd', 'ctx-1', 'Master'), ('https://lms.example', 'c', 'd', 'ctx-2', 'Licence')`);
  await handle.db.execute(
    sql`insert into organisations (name, search_name, street, postal_code, city, country) values ('Atelier', 'atelier', '1 rue Haute', '75001', 'Paris', 'FR')`,
  );
  await handle.db.execute(sql`insert into conventions (student_user_id, programme_id, organisation_id, academic_year, state, student)
    values (1, 1, 1, '2026-2027', 'submitted', '{}'), (1, 2, 1, '2026-2027', 'draft', '{}'), (1, 1, 1, '2025-2026', 'complete', '{}')`);
});
afterAll(async () => {
  await truncateAll(handle);
  await handle.close();
});

const year = '2026-2027';

/** What the statistics page does: the kept figures, or figures computed and kept. */
async function figures(programmeId?: number) {
  const kept = await statisticsCacheRepository.read(handle.db, year, programmeId, statisticsGroupsSchema);
  if (kept) return { served: 'kept' as const, byState: kept.byState };
  const { groups, fingerprint } = await internshipDatabaseRepository.statisticsGroups(handle.db, year, programmeId);
  await statisticsCacheRepository.store(handle.db, year, programmeId, fingerprint, groups);
  return { served: 'computed' as const, byState: groups.byState };
}

/** Rows of changes, and how many years (or every year, '*') they are of. */
async function changeRows(): Promise<{ rows: number; years: number }> {
  const { rows } = (await handle.db.execute(
    sql`select count(*)::int as rows, count(distinct academic_year)::int as years from statistics_changes`,
  )) as unknown as { rows: { rows: number; years: number }[] };
  return { rows: Number(rows[0].rows), years: Number(rows[0].years) };
}

describe('the statistics kept between two pages', () => {
  it('are served again until a filed convention of the year changes, whatever else does', async () => {
    expect(await figures()).toEqual({ served: 'computed', byState: [{ label: 'submitted', count: 1 }] });
    expect(await figures()).toMatchObject({ served: 'kept' });
    // A draft saved, a convention of another year, a host's name: not what this year's figures are made of.
    await handle.db.execute(sql`update conventions set activities = 'Développement' where state = 'draft'`);
    await handle.db.execute(sql`update conventions set activities = 'Archives' where academic_year = '2025-2026'`);
    await handle.db.execute(sql`update organisations set name = 'Atelier SARL'`);
    expect(await figures()).toMatchObject({ served: 'kept' });

    await handle.db.execute(sql`update conventions set state = 'validated' where state = 'submitted'`);
    expect(await figures()).toEqual({ served: 'computed', byState: [{ label: 'validated', count: 1 }] });
    // A draft submitted becomes a filed convention: counted at once.
    await handle.db.execute(sql`update conventions set state = 'submitted' where state = 'draft'`);
    expect((await figures()).byState).toEqual([
      { label: 'submitted', count: 1 },
      { label: 'validated', count: 1 },
    ]);
    await handle.db.execute(sql`delete from conventions where state = 'submitted'`);
    expect(await figures()).toEqual({ served: 'computed', byState: [{ label: 'validated', count: 1 }] });
    await handle.db.execute(sql`insert into conventions (student_user_id, programme_id, academic_year, state, student)
      values (1, 2, ${year}, 'cancelled', '{}')`);
    expect(await figures()).toMatchObject({ served: 'computed' });
  });

  it('are computed again after a host’s country or headcount or a programme’s title changes, for every year', async () => {
    await figures();
    await figures(1);
    for (const change of [
      sql`update organisations set country = 'DE'`,
      sql`update organisations set headcount_band = '50-249'`,
      sql`update programmes set title = 'Master MIAGE' where id = 2`,
    ]) {
      await handle.db.execute(change);
      expect(await figures()).toMatchObject({ served: 'computed' });
      expect(await figures(1)).toMatchObject({ served: 'computed' });
    }
    // The same values written again change nothing.
    await handle.db.execute(sql`update organisations set country = 'DE', headcount_band = '50-249'`);
    expect(await figures()).toMatchObject({ served: 'kept' });
  });

  it('are kept per programme: one programme’s figures are not the year’s', async () => {
    await handle.db.execute(sql`update conventions set state = 'validated' where programme_id = 2`);
    expect((await figures()).byState).toEqual([
      { label: 'submitted', count: 1 },
      { label: 'validated', count: 1 },
    ]);
    expect(await figures(1)).toEqual({ served: 'computed', byState: [{ label: 'submitted', count: 1 }] });
    expect(await figures(2)).toEqual({ served: 'computed', byState: [{ label: 'validated', count: 1 }] });
    expect(await figures(1)).toMatchObject({ served: 'kept' });
  });

  it('are computed again when what is kept has not the shape of today’s figures (kept by an earlier version)', async () => {
    await figures();
    await handle.db.execute(sql`update statistics_cache set groups = groups - 'byCountry'`);
    expect(await figures()).toMatchObject({ served: 'computed' });
    expect(await figures()).toMatchObject({ served: 'kept' });
  });

  it('keep the newest figures when an older computation finishes last', async () => {
    const old = await internshipDatabaseRepository.statisticsGroups(handle.db, year);
    await handle.db.execute(sql`update conventions set state = 'validated' where state = 'submitted'`);
    await figures();
    await statisticsCacheRepository.store(handle.db, year, undefined, old.fingerprint, old.groups);
    expect(await figures()).toEqual({ served: 'kept', byState: [{ label: 'validated', count: 1 }] });
  });

  it('stay valid when the scheduler folds the changes into a row per year, and not after a truncation', async () => {
    await handle.db.execute(sql`update conventions set state = 'validated' where state = 'submitted'`);
    await handle.db.execute(sql`update conventions set state = 'signed_by_parties' where state = 'validated'`);
    await figures();
    const before = await changeRows();
    expect(before.rows).toBeGreaterThan(before.years);
    expect(await statisticsCacheRepository.compact(handle.db)).toBe(before.rows);
    expect(await changeRows()).toEqual({ rows: before.years, years: before.years });
    expect(await figures()).toMatchObject({ served: 'kept' });
    await handle.db.execute(sql`truncate conventions cascade`);
    expect(await figures()).toEqual({ served: 'computed', byState: [] });
  });
});
