import type { Logger } from 'pino';
import type { Database } from '../../models/database';
import type { DatabaseAvailability } from '../../models/databaseAvailability';
import { sessionRepository } from '../../models/sessionRepository';
import { enqueueDailyDigest } from './dailyDigest';
import { enqueueStartReminders } from './startReminders';

export interface NotificationScheduler {
  start(): void;
  /** Stops the timer and waits for the run in progress. */
  stop(): Promise<void>;
  /** One pass: the office's digest of yesterday, the start reminders, then the expired sessions removed. */
  runOnce(now?: Date): Promise<{ digest: boolean; reminders: number; expiredSessions: number }>;
}

export interface NotificationSchedulerOptions {
  db: Database;
  officeEmail: string;
  logger: Pick<Logger, 'info' | 'error'>;
  /** How often it looks; every pass is idempotent (dedupe keys), so a short interval costs only a few queries. */
  intervalMs?: number;
  reminderDays?: number;
  /** Signatories who have not signed are reminded (src/services/signature/signatureReminders.ts). */
  signatureReminders?: (now: Date) => Promise<number>;
  clock?: () => Date;
  /** After a failed pass (the database was down), the next one comes this soon instead of a whole interval later. */
  retryMs?: number;
  /** Passes that fail because the database is down are reported there (logged once per incident). */
  availability?: Pick<DatabaseAvailability, 'failed'>;
}

/**
 * Time-driven notifications, queued in the outbox like the others (the outbox worker sends them), and the
 * removal of expired sessions.
 * Runs in the server process; two processes, or a restart, queue each mail once thanks to the dedupe keys.
 */
export function createNotificationScheduler(options: NotificationSchedulerOptions): NotificationScheduler {
  const intervalMs = options.intervalMs ?? 15 * 60_000;
  const retryMs = Math.min(options.retryMs ?? 30_000, intervalMs);
  const clock = options.clock ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let started = false;
  let running: Promise<unknown> = Promise.resolve();

  async function runOnce(now = clock()) {
    const digest = await enqueueDailyDigest(options.db, { now, officeEmail: options.officeEmail });
    const reminders = await enqueueStartReminders(options.db, { now, officeEmail: options.officeEmail, days: options.reminderDays });
    const signatureReminders = (await options.signatureReminders?.(now)) ?? 0;
    if (digest || reminders > 0 || signatureReminders > 0)
      options.logger.info({ digest, reminders, signatureReminders }, 'scheduled notifications queued');
    // Expired sessions are refused when read; removing them keeps the table (and what it tells about users) small.
    const expiredSessions = await sessionRepository.deleteExpired(options.db, now);
    return { digest, reminders, expiredSessions };
  }

  function schedule(delay: number) {
    if (!started) return;
    timer = setTimeout(tick, delay);
    timer.unref();
  }

  function tick() {
    timer = undefined;
    running = runOnce().then(
      () => schedule(intervalMs),
      (error: unknown) => {
        if (!options.availability?.failed(error)) options.logger.error({ err: error }, 'scheduled notifications failed');
        schedule(retryMs);
      },
    );
  }

  return {
    start() {
      if (started) return;
      started = true;
      tick();
    },
    async stop() {
      started = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
    runOnce,
  };
}
