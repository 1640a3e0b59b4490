import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Pool } from 'pg';
import { lockClass } from './advisoryLocks';
import { createDatabaseAvailability, type DatabaseAvailability } from './databaseAvailability';
import { releaseClientsOfFailedTransactions } from './poolTransactions';
import * as schema from './schema';

export type Schema = typeof schema;
/** The drizzle handle shared by both drivers: repositories never know which one runs. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Repositories accept either the database or a transaction. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Whether the server answers; connection failures are reported to it, logged once per incident. */
  availability: DatabaseAvailability;
  close(): Promise<void>;
  /** PGlite only: the whole cluster as a tarball, to start another instance from it. */
  dumpDataDir?(): Promise<Blob>;
}

export const migrationsFolder = path.join(__dirname, 'migrations');

/** What a process that opens many PGlite instances (the tests) compiles and reads once, instead of at each one. */
export interface PgliteAssets {
  pgliteWasmModule: WebAssembly.Module;
  fsBundle: Blob;
}

/**
 * `loadDataDir`: start PGlite from a dump (`dumpDataDir`) instead of an empty cluster (tests reuse a migrated one);
 * `assets`: PGlite's compiled module and share folder, already loaded.
 */
export type DatabaseTarget =
  { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob; assets?: PgliteAssets } | { kind: 'postgres'; url: string; max?: number };

/** Opens PGlite (persisted under dataDir, or in memory without one) or a pg pool, and applies the migrations. */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') return openPostgres(target.url, target.max);
  const handle = await openPglite(target.dataDir, target.loadDataDir, target.assets);
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  await migrate(handle.db as never, { migrationsFolder });
  return handle;
}

async function openPglite(dataDir?: string, loadDataDir?: Blob, assets?: PgliteAssets): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  // The office's searches use trigram indexes (migration 0015): the same extension as on PostgreSQL.
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite({ dataDir, loadDataDir, extensions: { pg_trgm }, ...assets });
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    availability: createDatabaseAvailability(),
    close: () => client.close(),
    dumpDataDir: async () => (await client.dumpDataDir('none')) as Blob,
  };
}

async function openPostgres(url: string, max = 10): Promise<DatabaseHandle> {
  const { Pool } = await import('pg');
  const driver = await import('drizzle-orm/node-postgres');
  releaseClientsOfFailedTransactions(driver);
  const { drizzle } = driver;
  // Without a connection timeout, a request waits forever for a server that is gone.
  // TCP keep-alive finds a server that vanished without closing its connections (a network cut).
  const pool = new Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    // No JIT compilation: it pays off for long analytic queries, not for a page's; past its cost threshold (a
    // count over the conventions) it added 5–50 ms of compiling to queries that run in a few.
    options: '-c jit=off',
  });
  const availability = createDatabaseAvailability();
  // A connection the server closes (restart, pg_terminate_backend) emits 'error' on its client, idle in the pool
  // or checked out; unhandled, that would end the process. The pool drops the client and opens a new one next time.
  pool.on('error', (error) => availability.failed(error));
  pool.on('connect', (client) => {
    client.on('error', (error) => availability.failed(error));
    availability.succeeded();
  });
  const db = drizzle(pool, { schema }) as unknown as Database;
  const handle: DatabaseHandle = { db, kind: 'postgres', availability, close: () => pool.end() };
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return handle;
}

/**
 * drizzle's migrator reads the last applied migration, then applies the newer ones: two instances starting
 * together on one database would both apply them (and one fail). A session advisory lock, on the connection
 * that migrates, makes the second wait and then find nothing to do.
 */
async function migratePostgres(pool: Pool): Promise<void> {
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1, 1)', [lockClass.migrations]);
    await migrate(drizzle(client) as never, { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1, 1)', [lockClass.migrations]).catch(() => undefined);
    client.release();
  }
}
