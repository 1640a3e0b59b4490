import { sql, type SQLWrapper } from 'drizzle-orm';
import { seedConventions } from '../../bench/seed';
import { addDays } from '../../src/domain/calendarDate';
import type { DatabaseHandle } from '../../src/models/database';
import { officeDayRepository } from '../../src/models/officeDayRepository';
import { today } from '../support/clock';
import { openTestDatabase, truncateAll } from '../support/database';

/**
 * The dashboard's counters on a seeded database (bench/seed.ts) with a certificate for every convention past its
 * submission and four signature links for every validated one, nearly all decided: each counter is read through an
 * index, never a sequential scan of the big tables.
 */
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
  await seedConventions(handle.db, { conventions: 4000, today });
  await handle.db.execute(sql`
    insert into documents (owner_user_id, convention_id, kind, filename, content_type, size, sha256, status, created_at)
    select student_user_id, id, 'civil_liability', 'attestation.pdf', 'application/pdf', 10, md5(id::text),
      case when id % 20 = 0 then 'submitted' else 'accepted' end, now() - (id % 90) * interval '1 day'
    from conventions where state <> 'draft'`);
  await handle.db.execute(sql`
    insert into signature_requests (convention_id, party, name, email, token_hash, status, sent_at, expires_at)
    select c.id, p.party, 'Signataire', 'signataire@example.fr', md5(c.id::text || p.party),
      case when c.state = 'validated' and c.id % 3 = 0 then 'pending' else 'signed' end,
      now() - (c.id % 30) * interval '1 day', now() + interval '30 days'
    from conventions c cross join (values ('student'), ('host_signatory'), ('professional_tutor'), ('academic_tutor')) p(party)
    where c.state in ('validated', 'signed_by_parties', 'complete')`);
  await handle.db.execute(sql`analyze`);
}, 180_000);
afterAll(async () => {
  await truncateAll(handle);
  await handle.close();
});

async function plan(query: SQLWrapper): Promise<string> {
  const result = (await handle.db.execute(sql`explain ${query}`)) as unknown as { rows: Record<string, string>[] };
  return result.rows.map((line) => Object.values(line)[0]).join('\n');
}

describe("the office's day on a seeded database", () => {
  it('reads every counter through an index, never a sequential scan of conventions, hosts, documents, signature links, signatures or events', async () => {
    const queries = officeDayRepository.countQueries(new Date(Date.now() - 3 * 24 * 60 * 60 * 1000), addDays(today, 15));
    for (const [name, query] of Object.entries(queries)) {
      const explained = await plan(query);
      expect({ name, explained }).toEqual({
        name,
        explained: expect.not.stringMatching(
          /Seq Scan on (conventions|organisations|documents|signature_requests|signatures|convention_events)\b/,
        ),
      });
    }
  });

  it('counts what the plain queries count, up to the cap', async () => {
    const sentBefore = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000);
    const counts = await officeDayRepository.counts(handle.db, sentBefore, addDays(today, 15));
    const plain = async (query: string) =>
      Math.min(Number(((await handle.db.execute(sql.raw(query))) as unknown as { rows: { n: number }[] }).rows[0].n), 1000);
    expect(counts.toControl).toBe(await plain(`select count(*) as n from conventions where state = 'submitted'`));
    expect(counts.certificatesToCheck).toBe(
      await plain(`select count(*) as n from documents d join conventions c on c.id = d.convention_id
        where d.kind = 'civil_liability' and d.status = 'submitted' and c.state in ('submitted', 'validated', 'signed_by_parties')`),
    );
    expect(counts.signaturesOverdue).toBe(
      await plain(`select count(*) as n from (select convention_id from signature_requests
          where status = 'pending' and sent_at < '${sentBefore.toISOString()}'
        union select c.id from conventions c
          where (c.state = 'validated' or (c.state = 'signed_by_parties'
              and not exists (select 1 from signatures s where s.convention_id = c.id and s.party = 'dean')))
            and not exists (select 1 from signature_requests r where r.convention_id = c.id and r.status = 'pending')
            and (select max(at) from convention_events e where e.convention_id = c.id and e.event = 'validate')
              < '${sentBefore.toISOString()}') awaited`),
    );
    expect(counts.certificatesToCheck).toBeGreaterThan(0);
    expect(counts.signaturesOverdue).toBeGreaterThan(0);
  });

  it('lists, a page at a time, one row for each convention the overdue counter counts, and says the same figure', async () => {
    const sentBefore = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000);
    const counted = await officeDayRepository.countRows(handle.db, 'signatures', sentBefore);
    expect(counted).toBe((await officeDayRepository.counts(handle.db, sentBefore, addDays(today, 15))).signaturesOverdue);
    const listed: number[] = [];
    for (let offset = 0; ; offset += 400) {
      const page = await officeDayRepository.listSignaturesOverdue(handle.db, sentBefore, { limit: 400, offset });
      listed.push(...page.map((row) => row.conventionId));
      if (page.length < 400) break;
    }
    expect(new Set(listed).size).toBe(listed.length);
    expect(Math.min(listed.length, 1000)).toBe(counted);
  });
});
