import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
import { migrationsFolder, openDatabase, type DatabaseHandle, type PgliteAssets } from '../../src/models/database';

interface SharedTestAssets {
  pglite(): Promise<PgliteAssets>;
  dump(file: string): Blob;
}

/**
 * A fresh PGlite costs about a second to create and migrate; one started from a dump of a migrated cluster
 * about a third of that. The dump is kept in the temp folder, named after the migrations it contains.
 */
async function openPgliteFromTemplate(): Promise<DatabaseHandle> {
  const migrations = readdirSync(migrationsFolder, { recursive: true, encoding: 'utf8' }).sort();
  const hash = createHash('sha256');
  for (const file of migrations) {
    const full = path.join(migrationsFolder, file);
    if (file.endsWith('.sql') || file.endsWith('.json')) hash.update(file).update(readFileSync(full));
  }
  const template = path.join(os.tmpdir(), `pstage-pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
  // Under jest's environment (test/support/jestEnvironment.js) the compiled module and the dump are loaded once a worker.
  const shared = (globalThis as { __pstageTestAssets?: SharedTestAssets }).__pstageTestAssets;
  const assets = await shared?.pglite();
  if (existsSync(template)) {
    // The migrations still run: on an up-to-date dump they find nothing to do.
    const loadDataDir = shared ? shared.dump(template) : new Blob([readFileSync(template)]);
    return openDatabase({ kind: 'pglite', loadDataDir, assets });
  }
  const handle = await openDatabase({ kind: 'pglite', assets });
  const dump = Buffer.from(await (await handle.dumpDataDir!()).arrayBuffer());
  // Written then renamed, so a parallel worker never reads half a file.
  const partial = `${template}.${process.pid}.partial`;
  writeFileSync(partial, dump);
  renameSync(partial, template);
  return handle;
}

/**
 * An empty PGlite cluster (initdb, no migration), as src/models/database.ts opens it (with pg_trgm: the later
 * migrations create it), for migration tests that write the rows of an earlier schema. Under jest's environment it
 * starts from the worker's compiled module like the others.
 */
export async function openEmptyPglite(): Promise<PGlite> {
  const shared = (globalThis as { __pstageTestAssets?: SharedTestAssets }).__pstageTestAssets;
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const client = new PGlite({ extensions: { pg_trgm }, ...(await shared?.pglite()) });
  // Loaded lazily (PostgreSQL runs never need it), hence through the ES module's types: the same class.
  return client as unknown as PGlite;
}

/**
 * On the PostgreSQL server of DATABASE_URL, the URL of a database of this jest worker's own (created when
 * missing), so workers never share rows. `purpose` names another one for tests that need a second.
 */
export async function testDatabaseUrl(purpose = 'test'): Promise<string> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('testDatabaseUrl needs DATABASE_URL (a PostgreSQL server)');
  const name = `pstage_${purpose}_${process.env.JEST_WORKER_ID ?? '1'}`;
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
  return workerUrl.toString();
}

/**
 * The test database: PGlite in memory by default, or, when DATABASE_URL is set (CI's PostgreSQL run),
 * a database of its own per jest worker on that server, so workers never share rows.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (!process.env.DATABASE_URL) return openPgliteFromTemplate();
  const handle = await openDatabase({ kind: 'postgres', url: await testDatabaseUrl(), max: 10 });
  await truncateAll(handle);
  return handle;
}

/**
 * Empties every table between tests. On PGlite in one round trip: the non-empty tables are deleted from with the
 * foreign-key triggers off (every table goes, so no order is needed) and the used sequences restarted, about
 * 30 ms where `truncate` of every table costs about 200 ms (a new file per table and index). PGlite has no
 * autovacuum, so new rows still come back in the order they were written, as after a truncation. On a
 * PostgreSQL server autovacuum may free the deleted rows' slots for new ones, and tests that read rows without
 * an `order by` would see another order: there `truncate` (about 10 ms) gives every test fresh tables.
 */
const emptyEveryTable = sql.raw(`do $$
declare
  t record;
  has_rows boolean;
begin
  set local session_replication_role = replica;
  for t in select tablename from pg_tables where schemaname = 'public' loop
    execute format('select exists (select 1 from %I)', t.tablename) into has_rows;
    if has_rows then
      execute format('delete from %I', t.tablename);
    end if;
  end loop;
  for t in select sequencename from pg_sequences where schemaname = 'public' and last_value is not null loop
    execute format('alter sequence %I restart', t.sequencename);
  end loop;
end $$`);

export async function truncateAll(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    await handle.db.execute(emptyEveryTable);
    return;
  }
  const result = (await handle.db.execute(sql`select tablename from pg_tables where schemaname = 'public'`)) as unknown as {
    rows: { tablename: string }[];
  };
  const tables = result.rows.map((row) => `"${row.tablename}"`);
  if (tables.length > 0) await handle.db.execute(sql.raw(`truncate ${tables.join(', ')} restart identity cascade`));
}
