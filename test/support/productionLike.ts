import { Client } from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/models/database';
import { ltiRecords } from '../../src/models/schema';
import { SmtpTestServer } from '../mail/support/smtpTestServer';
import { testDatabaseUrl, truncateAll } from './database';
import { registerLms, startExternalLms, type ExternalLms } from './externalLms';
import { startRoundRobinProxy, type RoundRobinProxy } from './roundRobinProxy';
import { spawnPstage, type SpawnedPstage } from './spawnedPstage';

export const officeEmail = 'stages@univ.example.fr';
export const mailFrom = 'Pstage <no-reply@univ.example.fr>';

/**
 * Pstage as it runs in production, on loopback: its own processes on one PostgreSQL database, behind a
 * round-robin proxy (the public URL), with an LMS (the development platform, in the test process) and an
 * SMTP server (in the test process) that outlive them. Needs DATABASE_URL.
 */
export interface ProductionLike {
  databaseUrl: string;
  proxy: RoundRobinProxy;
  lms: ExternalLms;
  smtp: SmtpTestServer;
  /** Registers the LMS in the database (once per file: see registerLms); `reset` keeps it registered. */
  registerLms(): Promise<void>;
  /** The test's own connection to the database, to look at the rows (opened by registerLms). */
  database(): DatabaseHandle;
  /** Starts `count` instances at once with `env` added, and puts them behind the proxy (each named in `name`). */
  start(env?: Record<string, string>, count?: number): Promise<SpawnedPstage[]>;
  /** Puts these instances behind the proxy (after a restart). */
  serve(instances: SpawnedPstage[]): void;
  /** Empties the database (keeping the LMS registered), the mailbox and the gradebook. */
  reset(): Promise<void>;
  /** Kills whatever still runs and closes everything. */
  close(): Promise<void>;
}

export async function startProductionLike(purpose: string, options: { freshDatabase?: boolean } = {}): Promise<ProductionLike> {
  const databaseUrl = await testDatabaseUrl(purpose);
  if (options.freshDatabase) await recreateDatabase(databaseUrl);
  const proxy = await startRoundRobinProxy();
  const lms = await startExternalLms(proxy.url);
  const smtp = new SmtpTestServer();
  await smtp.start();
  const running = new Set<SpawnedPstage>();
  let started = 0;
  let database: DatabaseHandle | undefined;
  let registration: Omit<typeof ltiRecords.$inferSelect, 'id'>[] = [];

  const lab: ProductionLike = {
    databaseUrl,
    proxy,
    lms,
    smtp,
    async registerLms() {
      database ??= await openDatabase({ kind: 'postgres', url: databaseUrl, max: 4 });
      await truncateAll(database);
      await registerLms(databaseUrl, proxy.url, lms);
      registration = (await database.db.select().from(ltiRecords)).map(({ id: _id, ...row }) => row);
    },
    database() {
      if (!database) throw new Error('registerLms first');
      return database;
    },
    async start(env = {}, count = 1) {
      const instances = await Promise.all(
        Array.from({ length: count }, () => {
          started += 1;
          const name = `pstage-instance-${started}`;
          // Its database sessions carry its name: a test can tell them from the others.
          const url = new URL(databaseUrl);
          url.searchParams.set('application_name', name);
          return spawnPstage(
            {
              DATABASE_URL: url.toString(),
              PUBLIC_BASE_URL: proxy.url,
              DEV_PLATFORM: 'false',
              SMTP_HOST: '127.0.0.1',
              SMTP_PORT: String(smtp.port),
              MAIL_FROM: mailFrom,
              OFFICE_EMAIL: officeEmail,
              ...env,
            },
            { name },
          );
        }),
      );
      for (const instance of instances) {
        running.add(instance);
        void instance.exited.then(() => running.delete(instance));
      }
      lab.serve(instances);
      return instances;
    },
    serve(instances) {
      proxy.setBackends(instances.map((instance) => instance.port));
    },
    async reset() {
      const db = lab.database();
      await truncateAll(db);
      if (registration.length > 0) await db.db.insert(ltiRecords).values(registration);
      smtp.messages.length = 0;
      lms.platform.clearGradebook();
      lms.scorePosts.length = 0;
    },
    async close() {
      await Promise.all([...running].map((instance) => instance.kill()));
      await database?.close();
      await Promise.all([proxy.close(), lms.close(), smtp.stop()]);
    },
  };
  return lab;
}

/** Drops and creates the database: instances started on it find no table at all. */
async function recreateDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const server = new URL(url);
  server.pathname = '/postgres';
  const admin = new Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
}
