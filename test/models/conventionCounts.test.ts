import { sql } from 'drizzle-orm';
import { conventionCountRepository } from '../../src/models/conventionCountRepository';
import type { DatabaseHandle } from '../../src/models/database';
import { internshipDatabaseRepository } from '../../src/models/internshipDatabaseRepository';
import { officeQueueRepository } from '../../src/models/officeQueueRepository';
import { openTestDatabase, truncateAll } from '../support/database';

/**
 * The counts of conventions kept by the triggers of migration 0026: whatever statements change conventions (rows
 * inserted, several at once, states, years or programmes changed, rows deleted or truncated), the sums over
 * convention_counts are the plain `count(*)` of conventions, before and after the scheduler folds them.
 */
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});
beforeEach(async () => {
  await truncateAll(handle);
  await handle.db.execute(
    sql`insert into users (iss, sub) values ('https://lms.example', 'student-1'), ('https://lms.example', 'student-2')`,
  );
  await handle.db.execute(sql`insert into programmes (iss, client_id, deployment_id, context_id, title)
    values ('https://lms.example', 'c', 'd', 'ctx-1', 'Master'), ('https://lms.example', 'c', 'd', 'ctx-2', 'Licence')`);
});
afterAll(async () => {
  await truncateAll(handle);
  await handle.close();
});

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await handle.db.execute(query)) as unknown as { rows: T[] }).rows;
}

type Count = { state: string; academic_year: string; programme_id: number; n: number };

async function plainCounts(): Promise<Count[]> {
  return rows<Count>(sql`select state, academic_year, programme_id, count(*)::int as n from conventions group by 1, 2, 3 order by 1, 2, 3`);
}

async function keptCounts(): Promise<Count[]> {
  return rows<Count>(sql`select state, academic_year, programme_id, sum(n)::int as n from convention_counts
    group by 1, 2, 3 having sum(n) <> 0 order by 1, 2, 3`);
}

async function keptRows(): Promise<number> {
  return Number((await rows<{ n: number }>(sql`select count(*)::int as n from convention_counts`))[0].n);
}

function insertConventions(values: [student: number, programme: number, year: string, state: string][]) {
  const tuples = values.map(([student, programme, year, state]) => sql`(${student}, ${programme}, ${year}, ${state}, '{}')`);
  return handle.db.execute(
    sql`insert into conventions (student_user_id, programme_id, academic_year, state, student) values ${sql.join(tuples, sql`, `)}`,
  );
}

describe('the counts of conventions the triggers keep', () => {
  it('follows inserts, changes of state, year and programme, and deletions, several rows a statement', async () => {
    await insertConventions([
      [1, 1, '2026-2027', 'draft'],
      [1, 1, '2026-2027', 'draft'],
      [2, 1, '2026-2027', 'submitted'],
      [2, 2, '2025-2026', 'complete'],
    ]);
    expect(await keptCounts()).toEqual(await plainCounts());
    await handle.db.execute(sql`update conventions set state = 'submitted' where state = 'draft'`);
    await handle.db.execute(sql`update conventions set academic_year = '2027-2028', programme_id = 2 where id = 1`);
    expect(await keptCounts()).toEqual(await plainCounts());
    await handle.db.execute(sql`delete from conventions where id in (2, 4)`);
    expect(await keptCounts()).toEqual(await plainCounts());
    expect(await keptCounts()).toEqual([
      { state: 'submitted', academic_year: '2026-2027', programme_id: 1, n: 1 },
      { state: 'submitted', academic_year: '2027-2028', programme_id: 2, n: 1 },
    ]);
  });

  it('appends nothing for a change that moves no convention between counts (a draft saved)', async () => {
    await insertConventions([[1, 1, '2026-2027', 'draft']]);
    const before = await keptRows();
    await handle.db.execute(sql`update conventions set activities = 'Développement web', state = 'draft' where id = 1`);
    expect(await keptRows()).toBe(before);
  });

  it('folds the differences into one row a state, year and programme, dropping those that cancel out', async () => {
    await insertConventions([
      [1, 1, '2026-2027', 'draft'],
      [2, 1, '2026-2027', 'draft'],
      [2, 2, '2026-2027', 'draft'],
    ]);
    await handle.db.execute(sql`update conventions set state = 'submitted' where id = 1`);
    await handle.db.execute(sql`update conventions set state = 'validated' where id = 1`);
    await handle.db.execute(sql`delete from conventions where id = 3`);
    const expected = await plainCounts();
    expect(await keptRows()).toBeGreaterThan(expected.length);
    expect(await conventionCountRepository.compact(handle.db)).toBeGreaterThan(expected.length);
    expect(await keptRows()).toBe(expected.length);
    expect(await keptCounts()).toEqual(expected);
    expect(await conventionCountRepository.compact(handle.db)).toBe(expected.length);
    expect(await keptCounts()).toEqual(expected);
  });

  it('is emptied with the conventions by a truncation', async () => {
    await insertConventions([[1, 1, '2026-2027', 'submitted']]);
    await handle.db.execute(sql`truncate conventions cascade`);
    expect(await keptRows()).toBe(0);
  });

  it('gives the dashboard its counters, the internship database and the queue their totals without reading conventions', async () => {
    await insertConventions([
      [1, 1, '2026-2027', 'draft'],
      [1, 1, '2026-2027', 'submitted'],
      [2, 2, '2026-2027', 'validated'],
      [2, 2, '2025-2026', 'complete'],
    ]);
    const counts = await officeQueueRepository.countByState(handle.db);
    expect(counts).toMatchObject({ draft: 1, submitted: 1, validated: 1, complete: 1, cancelled: 0, signed_by_parties: 0 });
    const total = async (filter: Parameters<typeof internshipDatabaseRepository.countQuery>[1]) =>
      Number((await internshipDatabaseRepository.countQuery(handle.db, filter))[0].total);
    expect(await total({})).toBe(3);
    expect(await total({ academicYear: '2026-2027' })).toBe(2);
    expect(await total({ programmeId: 2 })).toBe(2);
    expect(await total({ state: 'complete' })).toBe(1);
    expect(await total({ state: 'draft' })).toBe(0);
    const plan = async (query: { getSQL(): ReturnType<typeof sql> }) =>
      (await rows<Record<string, string>>(sql`explain ${query.getSQL()}`)).map((line) => Object.values(line)[0]).join('\n');
    for (const query of [conventionCountRepository.byStateQuery(handle.db), internshipDatabaseRepository.countQuery(handle.db, {})])
      expect(await plan(query)).not.toMatch(/on conventions/);
    // A filter the counts do not keep (here the host's country) is counted on the conventions themselves.
    expect(await plan(internshipDatabaseRepository.countQuery(handle.db, { country: 'FR' }))).toMatch(/on conventions/);

    // The control queue counts drafts too.
    const queueTotal = async (filters: Parameters<typeof officeQueueRepository.countQuery>[1]) =>
      Number((await officeQueueRepository.countQuery(handle.db, filters))[0].total);
    expect(await queueTotal({})).toBe(4);
    expect(await queueTotal({ academicYear: '2026-2027', programmeId: 1 })).toBe(2);
    expect(await queueTotal({ state: 'draft' })).toBe(1);
    expect(await plan(officeQueueRepository.countQuery(handle.db, { academicYear: '2026-2027' }))).not.toMatch(/on conventions/);
    // Returned drafts, a host or a search are counted on the conventions.
    expect(await queueTotal({ state: 'returned' })).toBe(0);
    expect(await plan(officeQueueRepository.countQuery(handle.db, { state: 'returned' }))).toMatch(/on conventions/);
    expect(await plan(officeQueueRepository.countQuery(handle.db, { organisationId: 1 }))).toMatch(/on conventions/);
  });

  // PGlite has a single session, so there is no second transaction to run beside the first: these two run on
  // PostgreSQL (CI's second run of the suite, DATABASE_URL set).
  (process.env.DATABASE_URL ? it : it.skip)(
    'never makes two transactions wait on each other, and a fold misses nothing a transaction appends meanwhile',
    async () => {
      await insertConventions([
        [1, 1, '2026-2027', 'submitted'],
        [2, 1, '2026-2027', 'submitted'],
      ]);
      await handle.db.transaction(async (first) => {
        await first.execute(sql`update conventions set state = 'validated' where id = 1`);
        await first.execute(
          sql`insert into conventions (student_user_id, programme_id, academic_year, state, student) values (1, 1, '2026-2027', 'draft', '{}')`,
        );
        // The same counts changed by another transaction while the first is open: it would wait, then time out, if
        // the counts were rows updated in place.
        await handle.db.transaction(async (second) => {
          await second.execute(sql`set local lock_timeout = '2s'`);
          await second.execute(sql`update conventions set state = 'validated' where id = 2`);
        });
        await conventionCountRepository.compact(handle.db);
      });
      expect(await keptCounts()).toEqual(await plainCounts());
      await conventionCountRepository.compact(handle.db);
      expect(await keptCounts()).toEqual(await plainCounts());
      expect(await keptCounts()).toEqual([
        { state: 'draft', academic_year: '2026-2027', programme_id: 1, n: 1 },
        { state: 'validated', academic_year: '2026-2027', programme_id: 1, n: 2 },
      ]);
    },
  );
});
