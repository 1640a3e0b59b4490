import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from './database';
import { outbox } from './schema';

export type OutboxKind = 'mail' | 'ags';
/** `skipped`: handled without being sent, the reason in `lastError` (a post-back for a course without AGS endpoint). */
export type OutboxStatus = 'pending' | 'sent' | 'superseded' | 'failed' | 'skipped';
export type OutboxMessage = typeof outbox.$inferSelect;

export interface NewOutboxMessage {
  kind: OutboxKind;
  payload: Record<string, unknown>;
  /** One event, one message: a second enqueue with the same key is ignored. */
  dedupeKey?: string;
  /** Only the latest state is worth delivering: older pending or failed messages with this key are superseded. */
  supersedeKey?: string;
}

/** After this many failed attempts a message stops being retried and needs the office's attention. */
export const defaultMaxAttempts = 8;

const errorMaxLength = 2000;

/**
 * A newer state with the same key was enqueued or handled: the older ones still waiting (or given up)
 * no longer matter, to the worker or to the office.
 */
async function supersedeOlder(db: Executor, id: number, supersedeKey: string): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'superseded', lockedUntil: null })
    .where(and(eq(outbox.supersedeKey, supersedeKey), inArray(outbox.status, ['pending', 'failed']), lt(outbox.id, id)));
}

export const outboxRepository = {
  /** Meant to run inside the caller's transaction, so the message exists if and only if the change committed. */
  async enqueue(db: Executor, message: NewOutboxMessage): Promise<{ id: number; created: boolean }> {
    const inserted = await db
      .insert(outbox)
      .values({ kind: message.kind, payload: message.payload, dedupeKey: message.dedupeKey, supersedeKey: message.supersedeKey })
      .onConflictDoNothing({ target: outbox.dedupeKey })
      .returning({ id: outbox.id });
    if (inserted.length === 0) {
      const [existing] = await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.dedupeKey, message.dedupeKey!));
      return { id: existing.id, created: false };
    }
    const id = inserted[0].id;
    if (message.supersedeKey) await supersedeOlder(db, id, message.supersedeKey);
    return { id, created: true };
  },

  /**
   * Takes up to `limit` due messages and leases them for `lockMs`. `FOR UPDATE SKIP LOCKED` plus the lease
   * mean two workers (two processes on PostgreSQL) never hold the same row; a lease that expires (a crashed
   * worker) makes the row due again.
   */
  async claimDue(db: Executor, options: { limit: number; lockMs: number; kinds?: OutboxKind[] }): Promise<OutboxMessage[]> {
    const conditions: SQL[] = [
      eq(outbox.status, 'pending'),
      lte(outbox.nextAttemptAt, sql`now()`),
      or(isNull(outbox.lockedUntil), lt(outbox.lockedUntil, sql`now()`))!,
    ];
    if (options.kinds) {
      if (options.kinds.length === 0) return [];
      conditions.push(inArray(outbox.kind, options.kinds));
    }
    const due = db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(...conditions))
      .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
      .limit(options.limit)
      .for('update', { skipLocked: true });
    const claimed = await db
      .update(outbox)
      .set({ lockedUntil: sql`now() + ${options.lockMs} * interval '1 millisecond'` })
      .where(inArray(outbox.id, due))
      .returning();
    return claimed.sort((a, b) => a.id - b.id);
  },

  /** Gives back leased rows that were not delivered (the worker is stopping): due again at once, for any worker. */
  async release(db: Executor, ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await db
      .update(outbox)
      .set({ lockedUntil: null })
      .where(and(inArray(outbox.id, ids), eq(outbox.status, 'pending')));
  },

  /** Only a still-pending row becomes sent: a superseded one stays superseded. Older states with its key are superseded. */
  async markSent(db: Executor, id: number): Promise<void> {
    const [row] = await db
      .update(outbox)
      .set({ status: 'sent', sentAt: sql`now()`, lockedUntil: null, lastError: null })
      .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')))
      .returning({ supersedeKey: outbox.supersedeKey });
    if (row?.supersedeKey) await supersedeOlder(db, id, row.supersedeKey);
  },

  /** Handled without sending (nothing to send it to): `reason` stays on the row for the office; older states are moot too. */
  async markSkipped(db: Executor, id: number, reason: string): Promise<void> {
    const [row] = await db
      .update(outbox)
      .set({ status: 'skipped', lockedUntil: null, lastError: reason.slice(0, errorMaxLength) })
      .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')))
      .returning({ supersedeKey: outbox.supersedeKey });
    if (row?.supersedeKey) await supersedeOlder(db, id, row.supersedeKey);
  },

  /**
   * Counts a failed attempt and schedules the next one; after `maxAttempts` (or at once when `permanent`)
   * the message is `failed`: it waits for the office, who can `retry` it.
   */
  async markFailed(
    db: Executor,
    id: number,
    error: string,
    nextAttemptAt: Date,
    options: { maxAttempts?: number; permanent?: boolean } = {},
  ): Promise<OutboxMessage | undefined> {
    const maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
    const status = options.permanent
      ? sql`'failed'`
      : sql`case when ${outbox.attempts} + 1 >= ${maxAttempts} then 'failed' else 'pending' end`;
    const [row] = await db
      .update(outbox)
      .set({
        attempts: sql`${outbox.attempts} + 1`,
        lastError: error.slice(0, errorMaxLength),
        nextAttemptAt,
        lockedUntil: null,
        status: status as unknown as OutboxStatus,
      })
      .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')))
      .returning();
    return row;
  },

  /** The office puts a failed message back in the queue (after fixing an address, say). */
  async retry(db: Executor, id: number): Promise<boolean> {
    const rows = await db
      .update(outbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: sql`now()`, lockedUntil: null })
      .where(and(eq(outbox.id, id), eq(outbox.status, 'failed')))
      .returning({ id: outbox.id });
    return rows.length > 0;
  },

  /** The office does not want to wait for the backoff of a message that is still being retried: it becomes due now. */
  async retryNow(db: Executor, id: number): Promise<boolean> {
    const rows = await db
      .update(outbox)
      .set({ nextAttemptAt: sql`now()` })
      .where(and(eq(outbox.id, id), eq(outbox.status, 'pending'), gt(outbox.attempts, 0), isNotNull(outbox.lastError)))
      .returning({ id: outbox.id });
    return rows.length > 0;
  },

  /** Post-backs skipped because their programme has no AGS endpoint, by programme: how many and the latest. */
  async skippedPostBacksByProgramme(db: Executor): Promise<{ programmeId: number; count: number; latest: Date }[]> {
    const programmeId = sql<number>`(${outbox.payload} ->> 'programmeId')::int`;
    const rows = await db
      .select({ programmeId, count: sql<number>`count(*)::int`, latest: sql<string>`max(${outbox.createdAt})` })
      .from(outbox)
      .where(and(eq(outbox.kind, 'ags'), eq(outbox.status, 'skipped')))
      .groupBy(programmeId)
      .orderBy(programmeId);
    return rows.map((row) => ({ programmeId: Number(row.programmeId), count: Number(row.count), latest: new Date(row.latest) }));
  },

  /** What needs the office's attention: given-up messages first, then pending ones that have already failed. */
  /**
   * The personal-link and code mails of these signature requests that could not be delivered (given up, or
   * refused and being retried), with the SMTP server's last answer: requestId → error.
   */
  async signatureMailFailures(db: Executor, requestIds: number[]): Promise<Map<number, string>> {
    if (requestIds.length === 0) return new Map();
    const requestId = sql<string>`${outbox.payload} -> 'data' ->> 'signatureRequestId'`;
    const rows = await db
      .select({ requestId, lastError: outbox.lastError })
      .from(outbox)
      .where(
        and(
          eq(outbox.kind, 'mail'),
          or(eq(outbox.status, 'failed'), and(eq(outbox.status, 'pending'), gt(outbox.attempts, 0))),
          inArray(requestId, requestIds.map(String)),
        ),
      )
      .orderBy(asc(outbox.id));
    return new Map(rows.map((row) => [Number(row.requestId), row.lastError ?? '']));
  },

  /**
   * A bounce received after the SMTP server accepted the mail (a delivery status notification the office read):
   * the sent personal-link and code mails of the request become failed, with what the bounce said.
   */
  async markSignatureMailsBounced(db: Executor, requestId: number, error: string): Promise<number> {
    const rows = await db
      .update(outbox)
      .set({ status: 'failed', lastError: error })
      .where(
        and(
          eq(outbox.kind, 'mail'),
          eq(outbox.status, 'sent'),
          sql`${outbox.payload} -> 'data' ->> 'signatureRequestId' = ${String(requestId)}`,
        ),
      )
      .returning({ id: outbox.id });
    return rows.length;
  },

  async listFailing(db: Executor, limit = 200): Promise<OutboxMessage[]> {
    return db
      .select()
      .from(outbox)
      .where(or(eq(outbox.status, 'failed'), and(eq(outbox.status, 'pending'), gt(outbox.attempts, 0))))
      .orderBy(sql`case when ${outbox.status} = 'failed' then 0 else 1 end`, desc(outbox.id))
      .limit(limit);
  },

  async list(
    db: Executor,
    filters: { status?: OutboxStatus; kind?: OutboxKind; dedupeKey?: string; supersedeKey?: string; limit?: number } = {},
  ): Promise<OutboxMessage[]> {
    const conditions: SQL[] = [];
    if (filters.status) conditions.push(eq(outbox.status, filters.status));
    if (filters.kind) conditions.push(eq(outbox.kind, filters.kind));
    if (filters.dedupeKey) conditions.push(eq(outbox.dedupeKey, filters.dedupeKey));
    if (filters.supersedeKey) conditions.push(eq(outbox.supersedeKey, filters.supersedeKey));
    return db
      .select()
      .from(outbox)
      .where(conditions.length > 0 ? and(...conditions) : undefined)
      .orderBy(desc(outbox.id))
      .limit(filters.limit ?? 200);
  },

  async countByStatus(db: Executor): Promise<Record<OutboxStatus, number>> {
    const rows = await db
      .select({ status: outbox.status, count: sql<number>`count(*)::int` })
      .from(outbox)
      .groupBy(outbox.status);
    const counts: Record<OutboxStatus, number> = { pending: 0, sent: 0, superseded: 0, failed: 0, skipped: 0 };
    for (const row of rows) counts[row.status] = Number(row.count);
    return counts;
  },
};
