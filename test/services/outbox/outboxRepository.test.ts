import { eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../../src/models/database';
import { outboxRepository } from '../../../src/models/outboxRepository';
import { outbox } from '../../../src/models/schema';
import { openTestDatabase, truncateAll } from '../../support/database';

let database: DatabaseHandle;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await truncateAll(database);
});

const lease = { limit: 10, lockMs: 60_000 };

describe('outbox repository', () => {
  it('when the same event is enqueued twice, only one message exists', async () => {
    const first = await outboxRepository.enqueue(database.db, { kind: 'mail', payload: { n: 1 }, dedupeKey: 'event-1' });
    const second = await outboxRepository.enqueue(database.db, { kind: 'mail', payload: { n: 2 }, dedupeKey: 'event-1' });
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    const rows = await outboxRepository.list(database.db);
    expect(rows).toHaveLength(1);
    expect(rows[0].payload).toEqual({ n: 1 });
  });

  it('a message enqueued in a transaction that rolls back does not exist', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await outboxRepository.enqueue(tx, { kind: 'mail', payload: {}, dedupeKey: 'rolled-back' });
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');
    expect(await outboxRepository.list(database.db)).toHaveLength(0);
  });

  it('a newer state supersedes the pending older ones with the same supersede key, and only those', async () => {
    const sent = await outboxRepository.enqueue(database.db, { kind: 'ags', payload: { status: 'draft' }, supersedeKey: 'ags:1' });
    await outboxRepository.markSent(database.db, sent.id);
    const older = await outboxRepository.enqueue(database.db, { kind: 'ags', payload: { status: 'submitted' }, supersedeKey: 'ags:1' });
    const other = await outboxRepository.enqueue(database.db, { kind: 'ags', payload: { status: 'submitted' }, supersedeKey: 'ags:2' });
    const latest = await outboxRepository.enqueue(database.db, { kind: 'ags', payload: { status: 'validated' }, supersedeKey: 'ags:1' });
    const byId = new Map((await outboxRepository.list(database.db)).map((row) => [row.id, row.status]));
    expect(byId.get(sent.id)).toBe('sent');
    expect(byId.get(older.id)).toBe('superseded');
    expect(byId.get(other.id)).toBe('pending');
    expect(byId.get(latest.id)).toBe('pending');
  });

  it('claims only due, unleased messages of the requested kinds, and never twice while leased', async () => {
    const mail = await outboxRepository.enqueue(database.db, { kind: 'mail', payload: {} });
    await outboxRepository.enqueue(database.db, { kind: 'ags', payload: {} });
    const later = await outboxRepository.enqueue(database.db, { kind: 'mail', payload: {} });
    await outboxRepository.markFailed(database.db, later.id, 'down', new Date(Date.now() + 60_000));

    const claimed = await outboxRepository.claimDue(database.db, { ...lease, kinds: ['mail'] });
    expect(claimed.map((row) => row.id)).toEqual([mail.id]);
    expect(claimed[0].lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect(await outboxRepository.claimDue(database.db, { ...lease, kinds: ['mail'] })).toEqual([]);
  });

  it('a lease that expired (a crashed worker) makes the message due again', async () => {
    const { id } = await outboxRepository.enqueue(database.db, { kind: 'mail', payload: {} });
    await outboxRepository.claimDue(database.db, { limit: 10, lockMs: 1 });
    await database.db.execute(sql`select pg_sleep(0.01)`);
    expect((await outboxRepository.claimDue(database.db, lease)).map((row) => row.id)).toEqual([id]);
  });

  it('counts failures, keeps the last error, and gives up after the maximum number of attempts', async () => {
    const { id } = await outboxRepository.enqueue(database.db, { kind: 'mail', payload: {} });
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const row = await outboxRepository.markFailed(database.db, id, `refused ${attempt}`, new Date(), { maxAttempts: 3 });
      expect(row).toMatchObject({
        attempts: attempt,
        lastError: `refused ${attempt}`,
        status: attempt < 3 ? 'pending' : 'failed',
        lockedUntil: null,
      });
    }
    const failing = await outboxRepository.listFailing(database.db);
    expect(failing.map((row) => [row.id, row.status])).toEqual([[id, 'failed']]);
    expect(await outboxRepository.claimDue(database.db, lease)).toEqual([]);

    expect(await outboxRepository.retry(database.db, id)).toBe(true);
    expect((await outboxRepository.claimDue(database.db, lease)).map((row) => row.id)).toEqual([id]);
  });

  it('a permanent failure gives up at once; a superseded message is never marked sent', async () => {
    const permanent = await outboxRepository.enqueue(database.db, { kind: 'mail', payload: {} });
    expect((await outboxRepository.markFailed(database.db, permanent.id, 'no such user', new Date(), { permanent: true }))?.status).toBe(
      'failed',
    );

    const old = await outboxRepository.enqueue(database.db, { kind: 'ags', payload: {}, supersedeKey: 'k' });
    await outboxRepository.enqueue(database.db, { kind: 'ags', payload: {}, supersedeKey: 'k' });
    await outboxRepository.markSent(database.db, old.id);
    expect((await outboxRepository.list(database.db, { supersedeKey: 'k', status: 'superseded' })).map((row) => row.id)).toEqual([old.id]);
    expect(await outboxRepository.countByStatus(database.db)).toEqual({ pending: 1, sent: 0, superseded: 1, failed: 1, skipped: 0 });
  });

  it('a newer state also supersedes an older one that failed for good: it leaves the list the office watches', async () => {
    const old = await outboxRepository.enqueue(database.db, { kind: 'ags', payload: { state: 'proposed' }, supersedeKey: 'ags:1' });
    await outboxRepository.markFailed(database.db, old.id, 'LMS answered 500', new Date(), { permanent: true });
    const unrelated = await outboxRepository.enqueue(database.db, { kind: 'ags', payload: {}, supersedeKey: 'ags:2' });
    await outboxRepository.markFailed(database.db, unrelated.id, 'LMS answered 500', new Date(), { permanent: true });
    expect((await outboxRepository.listFailing(database.db)).map((row) => row.id)).toEqual([unrelated.id, old.id]);

    await outboxRepository.enqueue(database.db, { kind: 'ags', payload: { state: 'validated' }, supersedeKey: 'ags:1' });

    expect((await outboxRepository.listFailing(database.db)).map((row) => row.id)).toEqual([unrelated.id]);
    expect((await outboxRepository.list(database.db, { status: 'superseded' })).map((row) => row.id)).toEqual([old.id]);
  });

  it('delivering a state supersedes the older ones with its key still waiting or given up, and only those', async () => {
    // Rows as they stand after a race the enqueue could not see (written directly, in any order of ids).
    const [given, waiting, newer] = await database.db
      .insert(outbox)
      .values([
        { kind: 'ags', payload: { n: 1 }, supersedeKey: 'ags:1', status: 'failed', attempts: 8, lastError: 'down' },
        {
          kind: 'ags',
          payload: { n: 2 },
          supersedeKey: 'ags:1',
          status: 'pending',
          attempts: 2,
          lastError: 'down',
          nextAttemptAt: new Date(Date.now() + 60_000),
        },
        { kind: 'ags', payload: { n: 3 }, supersedeKey: 'ags:1' },
      ])
      .returning();
    const later = await outboxRepository.enqueue(database.db, { kind: 'mail', payload: {}, supersedeKey: 'ags:1-other' });

    await outboxRepository.markSent(database.db, newer.id);

    const byId = new Map((await outboxRepository.list(database.db)).map((row) => [row.id, row.status]));
    expect(byId.get(given.id)).toBe('superseded');
    expect(byId.get(waiting.id)).toBe('superseded');
    expect(byId.get(newer.id)).toBe('sent');
    expect(byId.get(later.id)).toBe('pending');
    expect(await outboxRepository.listFailing(database.db)).toEqual([]);
  });

  it('a message skipped (nothing to deliver to) keeps its reason, is not counted as sent nor failing, and supersedes older states', async () => {
    const older = await outboxRepository.enqueue(database.db, { kind: 'ags', payload: { programmeId: 4 }, supersedeKey: 'ags:4:1' });
    await outboxRepository.markFailed(database.db, older.id, 'LMS answered 500', new Date(), { permanent: true });
    const [newer] = await database.db
      .insert(outbox)
      .values({ kind: 'ags', payload: { programmeId: 4 }, supersedeKey: 'ags:4:1' })
      .returning();
    const other = await outboxRepository.enqueue(database.db, { kind: 'ags', payload: { programmeId: 5 } });

    await outboxRepository.markSkipped(database.db, newer.id, 'No AGS endpoint');
    await outboxRepository.markSkipped(database.db, other.id, 'No AGS endpoint');

    const [row] = await database.db.select().from(outbox).where(eq(outbox.id, newer.id));
    expect(row).toMatchObject({ status: 'skipped', lastError: 'No AGS endpoint', sentAt: null, lockedUntil: null });
    expect(await outboxRepository.countByStatus(database.db)).toEqual({ pending: 0, sent: 0, superseded: 1, failed: 0, skipped: 2 });
    expect(await outboxRepository.listFailing(database.db)).toEqual([]);
    expect(await outboxRepository.claimDue(database.db, lease)).toEqual([]);
    expect(await outboxRepository.skippedPostBacksByProgramme(database.db)).toEqual([
      { programmeId: 4, count: 1, latest: row.createdAt },
      { programmeId: 5, count: 1, latest: expect.any(Date) },
    ]);
  });

  it('"retry now" makes a message that is still being retried due at once, and refuses the others', async () => {
    const retrying = await outboxRepository.enqueue(database.db, { kind: 'mail', payload: {} });
    await outboxRepository.markFailed(database.db, retrying.id, '421 try later', new Date(Date.now() + 3_600_000));
    const fresh = await outboxRepository.enqueue(database.db, { kind: 'mail', payload: {} });
    await outboxRepository.claimDue(database.db, lease);
    const sent = await outboxRepository.enqueue(database.db, { kind: 'mail', payload: {} });
    await outboxRepository.markSent(database.db, sent.id);
    const failed = await outboxRepository.enqueue(database.db, { kind: 'mail', payload: {} });
    await outboxRepository.markFailed(database.db, failed.id, '550 no such user', new Date(), { permanent: true });
    expect(await outboxRepository.claimDue(database.db, lease)).toEqual([]);

    expect(await outboxRepository.retryNow(database.db, retrying.id)).toBe(true);
    for (const id of [fresh.id, sent.id, failed.id, 999_999]) expect(await outboxRepository.retryNow(database.db, id)).toBe(false);

    const claimed = await outboxRepository.claimDue(database.db, lease);
    expect(claimed.map((row) => [row.id, row.attempts, row.lastError])).toEqual([[retrying.id, 1, '421 try later']]);
  });
});
