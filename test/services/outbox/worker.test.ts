import { mkdtemp, readdir, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { enqueueNotification } from '../../../src/mail/enqueueNotification';
import type { DatabaseHandle } from '../../../src/models/database';
import { outboxRepository } from '../../../src/models/outboxRepository';
import { retryDelayMs } from '../../../src/services/outbox/backoff';
import { createOutboxFromConfig } from '../../../src/services/outbox/outboxFromConfig';
import { wakeOutboxAfterWrites } from '../../../src/services/outbox/wakeAfterWrites';
import { createOutboxWorker } from '../../../src/services/outbox/worker';
import { openTestDatabase, truncateAll } from '../../support/database';

const logger = pino({ level: 'silent' });
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

describe('retry delay', () => {
  it.each([
    [1, 15_000, 30_000],
    [2, 30_000, 60_000],
    [5, 240_000, 480_000],
    [20, 1_800_000, 3_600_000],
  ])('after %i attempts it waits between %i and %i ms', (attempts, min, max) => {
    expect(retryDelayMs(attempts, () => 0)).toBe(min);
    expect(retryDelayMs(attempts, () => 1)).toBe(max);
  });
});

describe('outbox worker', () => {
  it('started, it delivers what is enqueued; stopping waits for the batch in progress', async () => {
    const delivered: number[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const delivering = new Promise<void>((resolve) => (entered = resolve));
    const worker = createOutboxWorker({
      db: database.db,
      logger,
      intervalMs: 20,
      handlers: {
        ags: async (payload) => {
          entered();
          await gate;
          delivered.push(payload.n as number);
        },
      },
    });
    await outboxRepository.enqueue(database.db, { kind: 'ags', payload: { n: 1 } });
    await outboxRepository.enqueue(database.db, { kind: 'mail', payload: { n: 2 } });
    worker.start();
    await delivering;
    // What was delivered when stop() resolved: a stop that did not wait for the batch would see nothing.
    const stopped = worker.stop().then(() => [...delivered]);
    release();
    expect(await stopped).toEqual([1]);
    const byKind = Object.fromEntries((await outboxRepository.list(database.db)).map((row) => [row.kind, row.status]));
    // No mail handler: mails wait for a worker that has one.
    expect(byKind).toEqual({ ags: 'sent', mail: 'pending' });
  });

  it('stopped in the middle of a batch, it finishes the delivery in progress and gives the rest back at once', async () => {
    const delivered: number[] = [];
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const worker = createOutboxWorker({
      db: database.db,
      logger,
      intervalMs: 60_000,
      handlers: {
        ags: async (payload) => {
          entered();
          await gate;
          delivered.push(payload.n as number);
        },
      },
    });
    for (const n of [1, 2, 3]) await outboxRepository.enqueue(database.db, { kind: 'ags', payload: { n } });
    worker.start();
    await inside;
    const stopped = worker.stop();
    release();
    await stopped;
    expect(delivered).toEqual([1]);
    // Not held until the lease expires: another worker (the next instance) takes them now.
    const next = createOutboxWorker({
      db: database.db,
      logger,
      handlers: { ags: async (payload) => void delivered.push(payload.n as number) },
    });
    expect(await next.runOnce()).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(delivered).toEqual([1, 2, 3]);
  });

  it('a handler that keeps failing ends as failed after the maximum number of attempts', async () => {
    const worker = createOutboxWorker({
      db: database.db,
      logger,
      maxAttempts: 3,
      retryDelay: () => -1000,
      handlers: {
        mail: async () => {
          throw new Error('LMS down');
        },
      },
    });
    await outboxRepository.enqueue(database.db, { kind: 'mail', payload: {} });
    expect(await worker.runOnce()).toEqual({ sent: 0, retrying: 2, failed: 1 });
    const [row] = await outboxRepository.listFailing(database.db);
    expect(row).toMatchObject({ status: 'failed', attempts: 3, lastError: 'Error: LMS down' });
  });

  it('a handler that had nowhere to deliver ends the message as skipped with its reason, not as sent', async () => {
    const worker = createOutboxWorker({ db: database.db, logger, handlers: { ags: async () => ({ skipped: 'No AGS endpoint' }) } });
    const { id } = await outboxRepository.enqueue(database.db, { kind: 'ags', payload: {} });
    expect(await worker.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 1 });
    const [row] = await outboxRepository.list(database.db);
    expect(row).toMatchObject({ id, status: 'skipped', lastError: 'No AGS endpoint', sentAt: null });
  });
});

/** Waits until `done()` or fails after `ms`: far below the worker's poll interval in these tests. */
async function waitFor(done: () => Promise<boolean>, ms = 2_000) {
  const until = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`not done within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('waking the worker instead of waiting for its poll', () => {
  const sentCount = async () => (await outboxRepository.countByStatus(database.db)).sent;

  it('a wake-up during a run starts another run as soon as this one ends, for what was committed after its last look', async () => {
    const worker = createOutboxWorker({ db: database.db, logger, intervalMs: 60_000, handlers: { mail: async () => undefined } });
    const claimDue = outboxRepository.claimDue.bind(outboxRepository);
    let raced = false;
    // The race, made certain: a use case commits and wakes the worker just after the run's last (empty) claim.
    const spy = jest.spyOn(outboxRepository, 'claimDue').mockImplementation(async (...args) => {
      const claimed = await claimDue(...args);
      if (claimed.length === 0 && !raced && (await sentCount()) === 1) {
        raced = true;
        await outboxRepository.enqueue(database.db, { kind: 'mail', payload: { n: 2 } });
        worker.wake();
      }
      return claimed;
    });
    await outboxRepository.enqueue(database.db, { kind: 'mail', payload: { n: 1 } });
    worker.start();
    try {
      await waitFor(async () => (await sentCount()) === 2);
      expect(raced).toBe(true);
    } finally {
      await worker.stop();
      spy.mockRestore();
    }
  });

  it('after a writing request has been answered (its transaction committed), the queued mail leaves without waiting for the poll', async () => {
    const worker = createOutboxWorker({ db: database.db, logger, intervalMs: 60_000, handlers: { mail: async () => undefined } });
    const server = http.createServer((req, res) => {
      void database.db
        .transaction(async (tx) => {
          await outboxRepository.enqueue(tx, { kind: 'mail', payload: { method: req.method } });
        })
        .then(() => res.writeHead(303, { location: '/' }).end());
    });
    wakeOutboxAfterWrites(server, worker);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const wake = jest.spyOn(worker, 'wake');
    worker.start();
    try {
      // A reading request does not wake it (here one that queued a mail, which real reads never do)…
      await fetch(url, { method: 'GET', redirect: 'manual' });
      // …a writing one does, and the run it starts finds both mails; the next poll is a minute away.
      await fetch(url, { method: 'POST', redirect: 'manual' });
      await waitFor(async () => (await sentCount()) === 2, 1_500);
      expect(wake).toHaveBeenCalledTimes(1);
    } finally {
      await worker.stop();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('outbox from the configuration', () => {
  it('without SMTP settings, a started outbox writes each notification to the mail folder', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'pstage-outbox-'));
    const outbox = createOutboxFromConfig({
      config: {
        smtp: null,
        dataDir,
        mailFrom: 'Pstage <no-reply@pstage.test>',
        publicBaseUrl: 'http://localhost:3000',
        encryptionKey: 'k'.repeat(32),
      },
      db: database.db,
      logger,
      intervalMs: 20,
    });
    try {
      const queued = await enqueueNotification(database.db, {
        template: 'conventionReturned',
        to: { email: 'alice@etu.example.fr', name: 'Alice', locale: 'fr' },
        data: { reference: 'CS-1', reason: 'x', path: '/student' },
        dedupeKey: 'returned:1',
      });
      expect(
        await enqueueNotification(database.db, {
          template: 'conventionReturned',
          to: { email: null, name: 'No address' },
          data: { reference: 'CS-2', reason: 'x', path: '/' },
          dedupeKey: 'returned:2',
        }),
      ).toBeNull();
      outbox.start();
      for (let wait = 0; wait < 100 && (await outboxRepository.countByStatus(database.db)).sent === 0; wait += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await readdir(path.join(dataDir, 'mail'))).toEqual([expect.stringMatching(new RegExp(`-outbox-${queued!.id}\\.eml$`))]);
    } finally {
      await outbox.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
