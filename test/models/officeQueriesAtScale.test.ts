import { sql, type SQLWrapper } from 'drizzle-orm';
import { seedConventions, type SeedResult } from '../../bench/seed';
import type { DatabaseHandle } from '../../src/models/database';
import { exportRow, internshipDatabaseRepository } from '../../src/models/internshipDatabaseRepository';
import { officeQueueRepository } from '../../src/models/officeQueueRepository';
import { searchableName } from '../../src/models/textSearch';
import { today } from '../support/clock';
import { openTestDatabase, truncateAll } from '../support/database';

/**
 * The office's queries on a seeded database of a few thousand conventions (bench/seed.ts): the queue's page and
 * searches are served by indexes (no sequential scan of conventions), and the rewritten queries return what the
 * plain ones (joins, `distinct`, `exists` per row) return on the same data.
 */
let handle: DatabaseHandle;
let seed: SeedResult;

beforeAll(async () => {
  handle = await openTestDatabase();
  seed = await seedConventions(handle.db, { conventions: 6000, today });
}, 120_000);
afterAll(async () => {
  await truncateAll(handle);
  await handle.close();
});

async function rows<T>(query: SQLWrapper): Promise<T[]> {
  return ((await handle.db.execute(query)) as unknown as { rows: T[] }).rows;
}

async function plan(query: SQLWrapper): Promise<string> {
  const lines = await rows<Record<string, string>>(sql`explain ${query}`);
  return lines.map((line) => Object.values(line)[0]).join('\n');
}

/** The former search, over the joins: LMS name or snapshot first-last, either number, host name or SIRET. */
function plainSearch(term: string) {
  const pattern = `%${searchableName(term)}%`;
  const unaccent = (expression: string) => `translate(lower(${expression}), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿ', 'aaaaaaceeeeiiiinooooouuuuyy')`;
  return sql`select c.id from conventions c join users u on u.id = c.student_user_id left join organisations o on o.id = c.organisation_id
    where ${sql.raw(unaccent('u.name'))} like ${pattern}
       or ${sql.raw(unaccent(`concat_ws(' ', c.student->>'firstName', c.student->>'lastName')`))} like ${pattern}
       or ${sql.raw(unaccent(`concat_ws(' ', c.student->>'lastName', c.student->>'firstName')`))} like ${pattern}
       or c.student->>'studentNumber' like ${pattern} or u.student_number = ${term}
       or o.search_name like ${pattern} or o.siret = ${term.replace(/\s/g, '')}
    order by c.start_date asc nulls last, c.id`;
}

describe('the office queries on a seeded database', () => {
  it('reads the queue page, its searches and its state filter through indexes, never a sequential scan of conventions', async () => {
    for (const filters of [
      {},
      { state: 'submitted' as const },
      { search: seed.sample.studentLastName },
      { search: seed.sample.studentNumber },
      { search: seed.sample.hostName },
    ]) {
      const page = { limit: 25, offset: 0 };
      const query =
        'search' in filters
          ? officeQueueRepository.searchPageQuery(handle.db, filters, page)
          : officeQueueRepository.pageIdsQuery(handle.db, filters, page);
      const explained = await plan(query);
      expect({ filters, explained }).toEqual({ filters, explained: expect.not.stringMatching(/Seq Scan on conventions/) });
      expect(explained).toMatch(/Index|Bitmap/);
      // A search gathers its matches through its indexes, never by walking every convention in start order.
      if ('search' in filters)
        expect({ filters, explained }).toEqual({
          filters,
          explained: expect.stringMatching(/Bitmap Index Scan on conventions_student_search/),
        });
      if ('search' in filters) expect(explained).not.toMatch(/Index Scan using conventions_start/);
    }
  });

  it('finds by search what the joins found, with the same total and order', async () => {
    for (const term of [seed.sample.studentLastName, 'lefevre', seed.sample.studentNumber, seed.sample.hostName, 'Élodie Martin']) {
      const expected = (await rows<{ id: number }>(plainSearch(term))).map((row) => Number(row.id));
      const found = await officeQueueRepository.list(handle.db, { search: term }, { limit: 25, offset: 0 });
      expect({ term, total: found.total }).toEqual({ term, total: expected.length });
      expect(found.rows.map((row) => row.id)).toEqual(expected.slice(0, 25));
    }
    expect((await officeQueueRepository.list(handle.db, { search: 'lefevre' }, { limit: 25, offset: 0 })).total).toBeGreaterThan(0);
  });

  it('counts by state, lists open conventions and offers the years as the plain queries do', async () => {
    const counts = await officeQueueRepository.countByState(handle.db);
    const byState = await rows<{ state: string; n: number }>(sql`select state, count(*)::int as n from conventions group by state`);
    for (const { state, n } of byState) expect(counts[state as keyof typeof counts]).toBe(Number(n));
    const [{ n: returned }] = await rows<{ n: number }>(
      sql`select count(*)::int as n from conventions c where state = 'draft' and exists (select 1 from convention_events e where e.convention_id = c.id and e.event = 'return')`,
    );
    expect(counts.returned).toBe(Number(returned));
    expect(counts.returned).toBeGreaterThan(0);

    const lastDay = today;
    const open = await rows<{ id: number }>(
      sql`select id from conventions where state not in ('complete', 'cancelled') and start_date <= ${lastDay} order by start_date, id limit 100`,
    );
    expect((await officeQueueRepository.listStartingBy(handle.db, lastDay)).map((row) => row.id)).toEqual(
      open.map((row) => Number(row.id)),
    );

    const years = await rows<{ y: string }>(sql`select distinct academic_year as y from conventions order by 1 desc`);
    expect((await officeQueueRepository.filterOptions(handle.db)).academicYears).toEqual(years.map((row) => row.y));
  });

  it('pages the internship database by number from the index of filed conventions alone, at any depth, and counts it from the kept counts', async () => {
    const deep = { limit: 50, offset: 4000 };
    expect(await plan(internshipDatabaseRepository.countQuery(handle.db, {}))).toMatch(/^Aggregate[^]*on convention_counts\b/);
    for (const query of [
      internshipDatabaseRepository.pageIdsQuery(handle.db, {}, { limit: 50, offset: 0 }),
      internshipDatabaseRepository.pageIdsQuery(handle.db, {}, deep),
    ]) {
      const explained = await plan(query);
      expect(explained).not.toMatch(/Seq Scan on conventions|Bitmap Heap Scan on conventions|Index Scan using/);
      expect(explained).toMatch(/Index Only Scan( Backward)? using conventions_(filed_start|year)/);
    }
    expect(await plan(internshipDatabaseRepository.pageIdsQuery(handle.db, {}, deep))).toMatch(/using conventions_filed_start/);
    const expected = await rows<{ id: number }>(
      sql`select id from conventions where state <> 'draft' order by start_date desc, id desc limit 50 offset 4000`,
    );
    const found = await internshipDatabaseRepository.page(handle.db, {}, deep);
    expect(found.rows.map((row) => row.id)).toEqual(expected.map((row) => Number(row.id)));
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int as n from conventions where state <> 'draft'`);
    expect(found.total).toBe(Number(n));
  });

  it("exports from one query without a lookup per row, each row with the page's signatures and amendments", async () => {
    const explained = await plan(internshipDatabaseRepository.exportQuery(handle.db, {}));
    expect(explained).not.toMatch(/SubPlan|Index Scan using signatures_convention_party/);
    const exported = (await rows<Record<string, unknown>>(internshipDatabaseRepository.exportQuery(handle.db, {}))).map(exportRow);
    const page = await internshipDatabaseRepository.page(handle.db, {}, { limit: 200, offset: 0 });
    const byId = new Map(exported.map((row) => [Number(row.id), row]));
    expect(page.rows.filter((row) => row.signatures !== null).length).toBeGreaterThan(0);
    for (const row of page.rows) {
      const same = byId.get(row.id);
      expect({ id: row.id, signatures: same?.signatures, amendments: same?.signedAmendments }).toEqual({
        id: row.id,
        signatures: row.signatures,
        amendments: row.signedAmendments,
      });
    }
    expect(exported.length).toBe(page.total);
  });

  it('pages the internship database by keyset as by offset', async () => {
    const filter = { student: seed.sample.studentLastName };
    const first = await internshipDatabaseRepository.page(handle.db, filter, { limit: 20, offset: 0 });
    const byOffset = await internshipDatabaseRepository.page(handle.db, filter, { limit: 20, offset: 20 });
    const byKeyset = await internshipDatabaseRepository.page(handle.db, filter, { limit: 20, offset: 20, after: first.next });
    expect(first.next).toBeDefined();
    expect(byKeyset.rows.map((row) => row.id)).toEqual(byOffset.rows.map((row) => row.id));
    expect(byKeyset.total).toBe(first.total);
    const all = await rows<{ id: number }>(
      sql`select c.id from conventions c join users u on u.id = c.student_user_id where c.state <> 'draft' and (
        translate(lower(coalesce(c.student->>'firstName', '') || ' ' || coalesce(c.student->>'lastName', '')), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿ', 'aaaaaaceeeeiiiinooooouuuuyy') like ${`%${searchableName(seed.sample.studentLastName)}%`}
        or translate(lower(coalesce(c.student->>'lastName', '') || ' ' || coalesce(c.student->>'firstName', '')), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿ', 'aaaaaaceeeeiiiinooooouuuuyy') like ${`%${searchableName(seed.sample.studentLastName)}%`}
        or translate(lower(u.name), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿ', 'aaaaaaceeeeiiiinooooouuuuyy') like ${`%${searchableName(seed.sample.studentLastName)}%`})
        order by c.start_date desc, c.id desc`,
    );
    expect(first.total).toBe(all.length);
    expect(first.rows.map((row) => row.id)).toEqual(all.slice(0, 20).map((row) => Number(row.id)));
    expect(byOffset.rows.map((row) => row.id)).toEqual(all.slice(20, 40).map((row) => Number(row.id)));
  });
});
