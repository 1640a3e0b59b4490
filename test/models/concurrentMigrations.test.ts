import { Client } from 'pg';
import { lockClass } from '../../src/models/advisoryLocks';
import { openDatabase } from '../../src/models/database';
import { testDatabaseUrl } from '../support/database';
import { until } from '../support/spawnedPstage';

/** Two instances migrating one server's database at once: PGlite is one process's own. */
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl)
  console.info(
    'test/models/concurrentMigrations.test.ts: skipped, it needs a PostgreSQL server (two pools migrate one database; runs when DATABASE_URL is set)',
  );
const onPostgres = databaseUrl ? describe : describe.skip;

onPostgres('the migrations at start-up', () => {
  it('are applied by one instance at a time: two starting together on an empty database both come up', async () => {
    const url = await testDatabaseUrl('migrations');
    const name = new URL(url).pathname.slice(1);
    const server = new Client({ connectionString: databaseUrl });
    await server.connect();
    await server.query(`drop database if exists ${name} with (force)`);
    await server.query(`create database ${name}`);
    await server.end();

    const admin = new Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query('select pg_advisory_lock($1, 1)', [lockClass.migrations]);
      const starting = [openDatabase({ kind: 'postgres', url, max: 2 }), openDatabase({ kind: 'postgres', url, max: 2 })];
      await until(
        'both waiting for the migration lock',
        async () => {
          const waiting = await admin.query(
            `select count(*)::int as n from pg_locks where locktype = 'advisory' and classid = $1 and not granted`,
            [lockClass.migrations],
          );
          return waiting.rows[0].n === 2;
        },
        20_000,
      );
      await admin.query('select pg_advisory_unlock($1, 1)', [lockClass.migrations]);
      const handles = await Promise.all(starting);
      const tables = await admin.query(
        `select count(*)::int as n from pg_tables where schemaname = 'public' and tablename = 'conventions'`,
      );
      expect(tables.rows[0].n).toBe(1);
      await Promise.all(handles.map((handle) => handle.close()));
    } finally {
      await admin.end();
    }
  });
});
