import type { Logger } from 'pino';
import type { Database } from '../../models/database';
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
  clock?: () => Date;
}

/**
 * Time-driven notifications, queued in the outbox like the others (the outbox worker sends them), and the
 * removal of expired sessions.
 * Runs in the server process; two processes, or a restart, queue each mail once thanks to the dedupe keys.
 */
export function createNotificationScheduler(options: NotificationSchedulerOptions): NotificationScheduler {
  const intervalMs = options.intervalMs ?? 15 * 60_000;
  const clock = options.clock ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  async function runOnce(now = clock()) {
    const digest = await enqueueDailyDigest(options.db, { now, officeEmail: options.officeEmail });
    const reminders = await enqueueStartReminders(options.db, { now, officeEmail: options.officeEmail, days: options.reminderDays });
    if (digest || reminders > 0) options.logger.info({ digest, reminders }, 'scheduled notifications queued');
    // Expired sessions are refused when read; removing them keeps the table (and what it tells about users) small.
    const expiredSessions = await sessionRepository.deleteExpired(options.db, now);
    return { digest, reminders, expiredSessions };
  }

  function tick() {
    running = runOnce().catch((error: unknown) => options.logger.error({ err: error }, 'scheduled notifications failed'));
  }

  return {
    start() {
      if (timer) return;
      tick();
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
    runOnce,
  };
}
