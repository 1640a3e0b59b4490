import type { Logger } from 'pino';
import { advisoryLocks, lockClass } from '../../models/advisoryLocks';
import { conventionCountRepository } from '../../models/conventionCountRepository';
import { statisticsCacheRepository } from '../../models/statisticsCacheRepository';
import type { Database, Transaction } from '../../models/database';
import type { DatabaseAvailability } from '../../models/databaseAvailability';
import { sessionRepository } from '../../models/sessionRepository';
import { enqueueDailyDigest } from './dailyDigest';
import { enqueueStartReminders } from './startReminders';

export interface NotificationScheduler {
  start(): void;
  /** Stops the timer and waits for the run in progress. */
  stop(): Promise<void>;
  /**
   * One pass: the office's digest of yesterday, the start reminders, then the expired sessions removed and the
   * counts of conventions and the statistics' changes folded.
   * `busy` when another instance's pass was running: this one did nothing.
   */
  runOnce(now?: Date): Promise<SchedulerPass>;
}

export interface SchedulerPass {
  digest: boolean;
  reminders: number;
  expiredSessions: number;
  /** Internship states moved and evaluations opened. */
  internships?: number;
  busy?: true;
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
  /** The internships' own states and evaluations (src/services/evaluations/advanceInternships.ts), under the same lock. */
  endOfInternship?: (tx: Transaction, now: Date) => Promise<number>;
  clock?: () => Date;
  /** After a failed pass (the database was down), the next one comes this soon instead of a whole interval later. */
  retryMs?: number;
  /** Passes that fail because the database is down are reported there (logged once per incident). */
  availability?: Pick<DatabaseAvailability, 'failed'>;
}

/**
 * Time-driven notifications, queued in the outbox like the others (the outbox worker sends them), and the
 * removal of expired sessions and the folding of the counts of conventions.
 * Runs in every server process. A pass holds an advisory lock for its transaction, so two instances on one
 * database never run it at the same time (the other one skips its turn); the dedupe keys make a pass that
 * comes later (or after a restart) queue nothing twice.
 */
export function createNotificationScheduler(options: NotificationSchedulerOptions): NotificationScheduler {
  const intervalMs = options.intervalMs ?? 15 * 60_000;
  const retryMs = Math.min(options.retryMs ?? 30_000, intervalMs);
  const clock = options.clock ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let started = false;
  let running: Promise<unknown> = Promise.resolve();

  async function runOnce(now = clock()): Promise<SchedulerPass> {
    const pass: SchedulerPass = await options.db.transaction(async (tx) => {
      if (!(await advisoryLocks.tryForTransaction(tx, lockClass.scheduler, 1)))
        return { digest: false, reminders: 0, expiredSessions: 0, busy: true };
      const digest = await enqueueDailyDigest(tx, { now, officeEmail: options.officeEmail });
      const reminders = await enqueueStartReminders(tx, { now, officeEmail: options.officeEmail, days: options.reminderDays });
      // Expired sessions are refused when read; removing them keeps the table (and what it tells about users) small.
      const expiredSessions = await sessionRepository.deleteExpired(tx, now);
      // The counts of conventions the triggers keep: the differences appended since the last pass folded into a row
      // per state, year and programme, so the table the dashboard sums stays a few hundred rows.
      await conventionCountRepository.compact(tx);
      // Likewise the changes the statistics' fingerprints are summed from: a row per year.
      await statisticsCacheRepository.compact(tx);
      const internships = (await options.endOfInternship?.(tx, now)) ?? 0;
      return { digest, reminders, expiredSessions, ...(internships > 0 ? { internships } : {}) };
    });
    if (pass.busy) return pass;
    // Each signature reminder is a transaction of its own that revokes the old link first: run by two instances at
    // once, the second finds the link already revoked and sends nothing.
    const signatureReminders = (await options.signatureReminders?.(now)) ?? 0;
    if (pass.digest || pass.reminders > 0 || signatureReminders > 0)
      options.logger.info({ digest: pass.digest, reminders: pass.reminders, signatureReminders }, 'scheduled notifications queued');
    return pass;
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
