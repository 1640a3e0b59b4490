import type { Logger } from 'pino';
import { holdAt } from '../../holdPoints';
import type { Database } from '../../models/database';
import type { DatabaseAvailability } from '../../models/databaseAvailability';
import { defaultMaxAttempts, outboxRepository, type OutboxKind, type OutboxMessage } from '../../models/outboxRepository';
import { retryDelayMs } from './backoff';
import { isPermanentFailure } from './permanentFailure';

/** What a handler knows about the row it delivers: the id makes the delivery idempotent for receivers. */
export interface OutboxDelivery {
  id: number;
  attempts: number;
  createdAt: Date;
}

/** A handler that had nothing to deliver to says why: the row ends as `skipped` with that reason, not as `sent`. */
export interface OutboxSkip {
  skipped: string;
}

export type OutboxHandler = (payload: Record<string, unknown>, delivery: OutboxDelivery) => Promise<void | OutboxSkip>;

export interface OutboxRunCounts {
  sent: number;
  /** Failed this time, retried later. */
  retrying: number;
  /** Failed for good: status `failed`, shown to the office. */
  failed: number;
  /** Handled without sending (present only when it happened). */
  skipped?: number;
}

export interface OutboxWorker {
  start(): void;
  /** Stops polling and waits for the batch in progress. */
  stop(): Promise<void>;
  /** Processes everything due now (tests, or a manual run); returns what happened. */
  runOnce(): Promise<OutboxRunCounts>;
  /** Runs soon instead of at the next interval (after a use case enqueued something). */
  wake(): void;
}

export interface OutboxWorkerOptions {
  db: Database;
  handlers: Partial<Record<OutboxKind, OutboxHandler>>;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  intervalMs?: number;
  batchSize?: number;
  /** How long a claimed row stays reserved; longer than a batch can take (SMTP timeouts included). */
  lockMs?: number;
  maxAttempts?: number;
  retryDelay?: (attempts: number) => number;
  /** Runs that fail because the database is down are reported there (logged once per incident), not logged each poll. */
  availability?: Pick<DatabaseAvailability, 'failed'>;
}

/**
 * Delivers the outbox. Guarantee: at least once. A crash (or a lost database connection) between a
 * successful send and `markSent` leaves the row pending; once its lease expires it is sent again.
 * Handlers make that harmless where they can: mails carry a Message-ID derived from the row id so
 * receivers can drop the duplicate, and AGS scores carry the status timestamp so the LMS keeps the latest.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, handlers, logger } = options;
  const intervalMs = options.intervalMs ?? 5_000;
  const batchSize = options.batchSize ?? 10;
  const lockMs = options.lockMs ?? 10 * 60_000;
  const maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
  const retryDelay = options.retryDelay ?? ((attempts: number) => retryDelayMs(attempts));
  const kinds = (Object.keys(handlers) as OutboxKind[]).filter((kind) => handlers[kind]);

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let started = false;
  let stopping = false;
  /** A wake-up during a run: what was committed meanwhile may have been missed by its last claim. */
  let wokenWhileRunning = false;

  async function deliver(message: OutboxMessage, counts: OutboxRunCounts) {
    const handler = handlers[message.kind]!;
    let outcome: void | OutboxSkip;
    try {
      outcome = await handler(message.payload, { id: message.id, attempts: message.attempts, createdAt: message.createdAt });
    } catch (error) {
      const attempts = message.attempts + 1;
      const permanent = isPermanentFailure(error);
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const nextAttemptAt = new Date(Date.now() + retryDelay(attempts));
      const row = await outboxRepository.markFailed(db, message.id, text, nextAttemptAt, { maxAttempts, permanent });
      if (row?.status === 'failed') {
        counts.failed += 1;
        logger.error({ outboxId: message.id, kind: message.kind, attempts, error: text }, 'outbox message failed for good');
      } else {
        counts.retrying += 1;
        logger.warn(
          { outboxId: message.id, kind: message.kind, attempts, nextAttemptAt, error: text },
          'outbox delivery failed, will retry',
        );
      }
      return;
    }
    // Sent, not yet marked: a crash here is why a receiver may see a message twice (with one Message-ID, one score timestamp).
    await holdAt(db, `outbox.${message.kind}.delivered`);
    if (outcome?.skipped) {
      await outboxRepository.markSkipped(db, message.id, outcome.skipped);
      counts.skipped = (counts.skipped ?? 0) + 1;
      return;
    }
    await outboxRepository.markSent(db, message.id);
    counts.sent += 1;
  }

  async function runOnce(): Promise<OutboxRunCounts> {
    const counts: OutboxRunCounts = { sent: 0, retrying: 0, failed: 0 };
    if (kinds.length === 0) return counts;
    for (;;) {
      const batch = await outboxRepository.claimDue(db, { limit: batchSize, lockMs, kinds });
      if (batch.length === 0) return counts;
      // One at a time: messages sharing a supersede key (grade post-backs) keep their order.
      for (const [index, message] of batch.entries()) {
        if (stopping) {
          // Stopping (shutdown): the delivery in progress was finished; the rest of the batch is given back now
          // rather than held until its lease expires.
          await outboxRepository.release(
            db,
            batch.slice(index).map((row) => row.id),
          );
          return counts;
        }
        await deliver(message, counts);
      }
      if (stopping) return counts;
    }
  }

  function schedule(delay: number) {
    if (stopping) return;
    timer = setTimeout(tick, delay);
    timer.unref();
  }

  function tick() {
    timer = undefined;
    if (running) return;
    running = runOnce()
      .catch((error: unknown) => {
        if (!options.availability?.failed(error)) logger.error({ err: error }, 'outbox worker run failed');
      })
      .finally(() => {
        running = undefined;
        schedule(wokenWhileRunning ? 0 : intervalMs);
        wokenWhileRunning = false;
      });
  }

  return {
    start() {
      if (started) return;
      started = true;
      stopping = false;
      schedule(0);
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
      started = false;
      stopping = false;
    },
    runOnce,
    wake() {
      if (!started || stopping) return;
      if (running) {
        wokenWhileRunning = true;
        return;
      }
      if (timer) clearTimeout(timer);
      schedule(0);
    },
  };
}
