import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { Client } from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/models/database';
import { outbox, conventions } from '../../src/models/schema';
import { outboxRepository } from '../../src/models/outboxRepository';
import { createNotificationScheduler } from '../../src/services/notifications/scheduler';
import { BrowserlessClient } from '../support/browserlessClient';
import { testDatabaseUrl } from '../support/database';
import { capturingLogger } from '../support/logCapture';
import { startTestPstage, type TestPstage } from '../support/pstage';
import { submitConventionAsStudent } from '../support/studentJourney';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy';

/**
 * These tests take a PostgreSQL server away from Pstage (connections cut and refused through a loopback relay,
 * every backend terminated with pg_terminate_backend): PGlite has no server to lose. They run in the suite's
 * PostgreSQL pass, with DATABASE_URL set.
 */
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl)
  console.info('test/robustness/databaseOutage.test.ts: skipped, it needs a PostgreSQL server (runs when DATABASE_URL is set)');
const onPostgres = databaseUrl ? describe : describe.skip;

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Requests in a loop, as users would keep clicking, recording each status and 503 page. */
function requestLoop(url: string, cookie: string) {
  const statuses: { path: string; status: number; body: string }[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      for (const target of ['/student', '/health']) {
        const response = await fetch(`${url}${target}`, { headers: { cookie, accept: 'text/html' }, redirect: 'manual' });
        statuses.push({ path: target, status: response.status, body: await response.text() });
      }
    }
  })();
  return {
    statuses,
    seen: (path: string, status: number) => statuses.filter((entry) => entry.path === path && entry.status === status).length,
    async stop() {
      running = false;
      await loop;
    },
  };
}

function cookieOf(client: { cookies: Map<string, string> }) {
  return [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}

onPostgres('when PostgreSQL goes away and comes back', () => {
  let url: string;
  let proxy: TcpProxy;
  let viaProxy: DatabaseHandle;
  let pstage: TestPstage;
  const logs = capturingLogger();

  beforeAll(async () => {
    url = await testDatabaseUrl();
    const target = new URL(url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const proxied = new URL(url);
    proxied.host = `127.0.0.1:${proxy.port}`;
    viaProxy = await openDatabase({ kind: 'postgres', url: proxied.toString(), max: 10 });
    pstage = await startTestPstage(
      { DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'pstage-outage-')) },
      { database: viaProxy, logger: logs.logger, outboxWorker: true, outboxPollMs: 100 },
    );
  });
  afterAll(async () => {
    await pstage?.stop();
    await proxy?.close();
  });
  beforeEach(async () => {
    await pstage.reset();
    logs.entries.length = 0;
  });

  it('answers 503 pages while it is unreachable, /health says so, and serves again as soon as it is back, logging the incident once', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const loop = requestLoop(pstage.url, cookieOf(client));
    try {
      await until('pages served', async () => loop.seen('/student', 200) > 0);
      await proxy.cut();
      await until('503 pages during the outage', async () => loop.seen('/student', 503) >= 5 && loop.seen('/health', 503) >= 2);
      // A launch from the LMS meanwhile: ltijs (which never answers when its database calls fail) gets the same page.
      const launch = await new BrowserlessClient(pstage.url).follow(pstage.devPlatform!.launchUrlFor('camille-martin', 'm1-info'));
      expect({ status: launch.status, page: launch.text.includes('Service momentanément indisponible') }).toEqual({
        status: 503,
        page: true,
      });
      await proxy.restore();
      const afterRestore = loop.statuses.length;
      await until(
        'pages served again',
        async () => loop.statuses.slice(afterRestore).some((entry) => entry.path === '/student' && entry.status === 200),
        10_000,
      );
    } finally {
      await loop.stop();
    }
    expect(new Set(loop.statuses.map((entry) => entry.status))).toEqual(new Set([200, 503]));
    const page = loop.statuses.find((entry) => entry.path === '/student' && entry.status === 503)!;
    expect(page.body).toContain('Service momentanément indisponible');
    const health = loop.statuses.find((entry) => entry.path === '/health' && entry.status === 503)!;
    expect(JSON.parse(health.body)).toEqual({ status: 'error', database: { kind: 'postgres', status: 'unreachable' } });
    expect({
      unreachable: logs.count('database unreachable'),
      back: logs.count('database back'),
      unexpected: logs.count('unexpected error'),
    }).toEqual({ unreachable: 1, back: 1, unexpected: 0 });
  });

  it('survives every backend terminated with pg_terminate_backend while requests loop: no 500, healthy again within seconds', async () => {
    const admin = new Client({ connectionString: url });
    await admin.connect();
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const loop = requestLoop(pstage.url, cookieOf(client));
    try {
      for (let round = 0; round < 3; round += 1) {
        const before = loop.statuses.length;
        await until('a page served', async () => loop.statuses.slice(before).some((entry) => entry.status === 200));
        // The relay only forwards bytes: the server ends these backends exactly as it would direct connections.
        // (Retried while Pstage's new connections are still starting and not yet listed under the database.)
        await until('backends terminated', async () => {
          const terminated = await admin.query(
            'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
          );
          return (terminated.rowCount ?? 0) > 0;
        });
      }
      const after = loop.statuses.length;
      await until(
        '/health ok again',
        async () => loop.statuses.slice(after).some((entry) => entry.path === '/health' && entry.status === 200),
        5_000,
      );
    } finally {
      await loop.stop();
      await admin.end();
    }
    expect(loop.statuses.filter((entry) => entry.status !== 200 && entry.status !== 503)).toEqual([]);
    expect(logs.count('unexpected error')).toBe(0);
    expect(logs.count('database unreachable')).toBeGreaterThan(0);
  });

  it('the scheduler and the outbox worker keep failing quietly during the outage, then queue and send what was due', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    await pstage.database.db
      .update(conventions)
      .set({ submittedAt: new Date('2026-11-25T15:00:00Z') })
      .where(eq(conventions.id, convention.id));
    // What the worker had to send is sent; the rest of the test is about what comes due during the outage.
    await until('the submission mails sent', async () => (await outboxRepository.countByStatus(pstage.database.db)).pending === 0);
    const direct = await openDatabase({ kind: 'postgres', url, max: 2 });
    const scheduler = createNotificationScheduler({
      db: viaProxy.db,
      officeEmail: 'stages@univ.example.fr',
      logger: logs.logger,
      clock: () => new Date('2026-11-26T06:00:00Z'),
      intervalMs: 60_000,
      retryMs: 100,
      availability: viaProxy.availability,
    });
    try {
      await proxy.cut();
      scheduler.start();
      // A mail queued by another instance (its own connection) while this one cannot reach the server.
      const { id } = await outboxRepository.enqueue(direct.db, {
        kind: 'mail',
        payload: {
          template: 'dailyDigest',
          to: { email: 'stages@univ.example.fr', name: 'Service des stages', locale: 'fr' },
          data: { date: '2026-11-24', conventions: [], path: '/office' },
        },
      });
      await until('the outage seen', async () => !viaProxy.availability.reachable);
      await proxy.restore();
      const digest = await until('the digest queued', async () =>
        (await direct.db.select().from(outbox)).find(
          (row) => (row.payload as { template?: string }).template === 'dailyDigest' && row.id !== id,
        ),
      );
      await until('both mails sent', async () => {
        const rows = await direct.db.select().from(outbox);
        return [id, digest.id].every((wanted) => rows.find((row) => row.id === wanted)?.status === 'sent');
      });
    } finally {
      await scheduler.stop();
      await direct.close();
    }
    expect(logs.count('outbox worker run failed') + logs.count('scheduled notifications failed') + logs.count('unexpected error')).toBe(0);
    expect(logs.count('database unreachable')).toBe(1);
  });
});
