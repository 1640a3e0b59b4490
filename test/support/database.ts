import { sql } from 'drizzle-orm';
import { Client } from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/models/database';

/**
 * The test database: PGlite in memory by default, or, when DATABASE_URL is set (CI's PostgreSQL run),
 * a database of its own per jest worker on that server, so workers never share rows.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDatabase({ kind: 'pglite' });
  const name = `pstage_test_${process.env.JEST_WORKER_ID ?? '1'}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const workerUrl = new URL(url);
  workerUrl.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: workerUrl.toString(), max: 10 });
  await truncateAll(handle);
  return handle;
}

/** Empties every table between tests (about 10 ms). */
export async function truncateAll(handle: DatabaseHandle): Promise<void> {
  const result = (await handle.db.execute(sql`select tablename from pg_tables where schemaname = 'public'`)) as unknown as {
    rows: { tablename: string }[];
  };
  const tables = result.rows.map((row) => `"${row.tablename}"`);
  if (tables.length > 0) await handle.db.execute(sql.raw(`truncate ${tables.join(', ')} restart identity cascade`));
}
