import { sql } from 'drizzle-orm';
import pino from 'pino';
import { enqueueNotification } from '../../../src/mail/enqueueNotification';
import { createNotificationRenderer } from '../../../src/mail/notificationMail';
import { createMailHandler } from '../../../src/mail/sender';
import { createMailTransport, type MailTransport } from '../../../src/mail/transport';
import type { DatabaseHandle } from '../../../src/models/database';
import { outboxRepository } from '../../../src/models/outboxRepository';
import { outbox } from '../../../src/models/schema';
import { createOutboxWorker } from '../../../src/services/outbox/worker';
import { SmtpTestServer } from '../../mail/support/smtpTestServer';
import { openTestDatabase, truncateAll } from '../../support/database';

const publicBaseUrl = 'https://pstage.example.fr';
const logger = pino({ level: 'silent' });
let database: DatabaseHandle;
let smtp: SmtpTestServer;
let transport: MailTransport;

function workerOn(db: DatabaseHandle['db'], batchSize = 10) {
  const mail = createMailHandler({
    transport,
    from: 'Pstage <no-reply@pstage.test>',
    render: createNotificationRenderer({ publicBaseUrl }),
  });
  return createOutboxWorker({ db, handlers: { mail }, logger, batchSize, retryDelay: () => 60_000 });
}

const returned = (reference: string, reason: string) => ({ reference, reason, path: `/student/conventions/${reference}` });

beforeAll(async () => {
  database = await openTestDatabase();
  smtp = new SmtpTestServer();
  const port = await smtp.start();
  transport = createMailTransport({ smtp: { host: '127.0.0.1', port, secure: false }, dataDir: '/tmp/unused' });
});
afterAll(async () => {
  transport.close();
  await smtp.stop();
  await database.close();
});
beforeEach(async () => {
  await truncateAll(database);
  smtp.messages.length = 0;
});

describe('mail delivery through the outbox and a real SMTP server', () => {
  it('each student receives their own notification, in their language, with a link back into Pstage', async () => {
    await database.db.transaction(async (tx) => {
      await enqueueNotification(tx, {
        template: 'conventionReturned',
        to: { email: 'alice@etu.example.fr', name: 'Alice Martin', locale: 'fr' },
        data: returned('CS-2026-0001', 'Dates incohérentes'),
        dedupeKey: 'conventionReturned:1:v2',
      });
      await enqueueNotification(tx, {
        template: 'conventionReturned',
        to: { email: 'bruno@etu.example.fr', name: 'Bruno Petit', locale: 'en' },
        data: returned('CS-2026-0002', 'Missing tutor'),
        dedupeKey: 'conventionReturned:2:v2',
      });
    });

    expect(await workerOn(database.db).runOnce()).toEqual({ sent: 2, retrying: 0, failed: 0 });

    const [alice, bruno] = ['alice@etu.example.fr', 'bruno@etu.example.fr'].map((address) => {
      const received = smtp.messages.filter((message) => message.envelopeTo.includes(address));
      expect(received).toHaveLength(1);
      return received[0].mail;
    });
    expect(alice.subject).toBe('[Pstage] Convention CS-2026-0001 à corriger');
    expect(alice.headers.get('content-language')).toBe('fr');
    expect(alice.text).toContain('Bonjour Alice Martin,');
    expect(alice.text).toContain(`${publicBaseUrl}/student/conventions/CS-2026-0001`);
    expect(alice.html).toContain('<html lang="fr">');
    expect(bruno.subject).toBe('[Pstage] Agreement CS-2026-0002 needs corrections');
    expect(bruno.headers.get('content-language')).toBe('en');
    expect(bruno.text).toContain('Missing tutor');
    for (const [mail, other] of [
      [alice, ['Bruno', 'CS-2026-0002', 'Missing tutor']],
      [bruno, ['Alice', 'CS-2026-0001', 'incohérentes']],
    ] as const) {
      for (const fragment of other) expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toContain(fragment);
    }
    const rows = await outboxRepository.list(database.db);
    expect(rows.every((row) => row.status === 'sent' && row.sentAt)).toBe(true);
    expect(alice.messageId).toMatch(/^<pstage-outbox-\d+@pstage\.test>$/);
  });

  it('while the SMTP server is down the mail stays pending with its error; once it is back it is delivered exactly once', async () => {
    const queued = await enqueueNotification(database.db, {
      template: 'certificateRejected',
      to: { email: 'alice@etu.example.fr', name: 'Alice Martin', locale: 'fr' },
      data: { reference: 'CS-2026-0001', reason: 'Attestation expirée', path: '/student' },
      dedupeKey: 'certificateRejected:1:doc9',
    });
    const worker = workerOn(database.db);
    await smtp.stop();
    try {
      expect(await worker.runOnce()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    } finally {
      await smtp.start();
    }
    const [waiting] = await outboxRepository.list(database.db);
    expect(waiting).toMatchObject({ id: queued!.id, status: 'pending', attempts: 1 });
    expect(waiting.lastError).toMatch(/ECONNREFUSED|ECONNECTION|connect/i);
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    expect(await worker.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    await database.db.update(outbox).set({ nextAttemptAt: sql`now()` });
    expect(await worker.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await worker.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0].mail.messageId).toBe(`<pstage-outbox-${queued!.id}@pstage.test>`);
    expect((await outboxRepository.list(database.db))[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('the same event enqueued twice sends one mail', async () => {
    const notification = {
      template: 'conventionValidated' as const,
      to: { email: 'alice@etu.example.fr', name: 'Alice Martin', locale: 'en' },
      data: {
        reference: 'CS-2026-0001',
        organisationName: 'ACME',
        startDate: '2026-04-01',
        endDate: '2026-06-30',
        signatories: [{ party: 'student' as const }],
        certificateMissing: false,
        path: '/student',
      },
      dedupeKey: 'conventionValidated:1:v5',
    };
    await enqueueNotification(database.db, notification);
    await enqueueNotification(database.db, notification);
    await workerOn(database.db).runOnce();
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0].mail.subject).toBe('[Pstage] Agreement CS-2026-0001 validated: print it and have it signed');
  });

  it('with a supersede key only the latest state is delivered', async () => {
    for (const reason of ['first', 'second', 'latest']) {
      await outboxRepository.enqueue(database.db, {
        kind: 'mail',
        payload: {
          template: 'conventionReturned',
          to: { email: 'alice@etu.example.fr', name: 'Alice', locale: 'fr' },
          data: returned('CS-1', reason),
        },
        supersedeKey: 'status:CS-1',
      });
    }
    expect(await workerOn(database.db).runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0].mail.text).toContain('latest');
  });

  it('a recipient refused by the server is given up at once and shown to the office', async () => {
    const refusing = new SmtpTestServer();
    refusing.refusedRecipients.add('nobody@etu.example.fr');
    const port = await refusing.start();
    const refusingTransport = createMailTransport({ smtp: { host: '127.0.0.1', port, secure: false }, dataDir: '/tmp/unused' });
    try {
      await enqueueNotification(database.db, {
        template: 'conventionReturned',
        to: { email: 'nobody@etu.example.fr', name: 'Nobody', locale: 'fr' },
        data: returned('CS-9', 'x'),
        dedupeKey: 'returned:9',
      });
      const mail = createMailHandler({
        transport: refusingTransport,
        from: 'Pstage <no-reply@pstage.test>',
        render: createNotificationRenderer({ publicBaseUrl }),
      });
      const worker = createOutboxWorker({ db: database.db, handlers: { mail }, logger });
      expect(await worker.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 1 });
      const [failing] = await outboxRepository.listFailing(database.db);
      expect(failing).toMatchObject({ status: 'failed', attempts: 1 });
      expect(failing.lastError).toContain('No such user');
    } finally {
      refusingTransport.close();
      await refusing.stop();
    }
  });

  it('two workers running at the same time never send the same mail twice', async () => {
    // On PGlite both workers share one connection that runs one transaction at a time, so this only
    // really exercises SKIP LOCKED on PostgreSQL (DATABASE_URL), where each worker has its own pool.
    const second = process.env.DATABASE_URL ? await openTestDatabase() : database;
    try {
      for (let n = 1; n <= 24; n += 1) {
        await enqueueNotification(database.db, {
          template: 'conventionReturned',
          to: { email: `student${n}@etu.example.fr`, name: `Student ${n}`, locale: n % 2 ? 'fr' : 'en' },
          data: returned(`CS-${n}`, 'x'),
          dedupeKey: `returned:${n}`,
        });
      }
      const [a, b] = await Promise.all([workerOn(database.db, 3).runOnce(), workerOn(second.db, 3).runOnce()]);
      expect(a.sent + b.sent).toBe(24);
      const ids = smtp.messages.map((message) => message.mail.messageId);
      expect(ids).toHaveLength(24);
      expect(new Set(ids).size).toBe(24);
      expect((await outboxRepository.countByStatus(database.db)).sent).toBe(24);
    } finally {
      if (second !== database) await second.close();
    }
  });
});
