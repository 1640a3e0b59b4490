import { sql } from 'drizzle-orm';
import { Client, Pool, type PoolClient } from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/models/database';
import { testDatabaseUrl } from '../support/database';

/** A connection that dies between leaving the pool and its BEGIN needs a server to lose it: PGlite has none. */
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl)
  console.info('test/models/poolTransactions.test.ts: skipped, it needs a PostgreSQL server (runs when DATABASE_URL is set)');
const onPostgres = databaseUrl ? describe : describe.skip;

const poolSize = 2;

onPostgres('transactions whose connection died in the pool (a database restart)', () => {
  let handle: DatabaseHandle;
  let admin: Client;
  /** How many of the next checkouts (drizzle's transactions take theirs with the promise form) have their backend killed. */
  let killNext = 0;

  beforeAll(async () => {
    const url = await testDatabaseUrl();
    admin = new Client({ connectionString: url });
    await admin.connect();
    handle = await openDatabase({ kind: 'postgres', url, max: poolSize });
    // The window a restart hits: the server has closed the connection, the pool has not noticed yet and hands it
    // out; the transaction's BEGIN is the first query to fail on it.
    const connect = Pool.prototype.connect as (this: Pool, callback?: unknown) => Promise<PoolClient> | undefined;
    jest.spyOn(Pool.prototype, 'connect').mockImplementation(function (this: Pool, callback?: unknown) {
      if (callback) return connect.call(this, callback) as never;
      return connect.call(this)!.then(async (client) => {
        if (killNext > 0) {
          killNext -= 1;
          await admin.query('select pg_terminate_backend($1)', [(client as unknown as { processID: number }).processID]);
        }
        return client;
      }) as never;
    });
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await handle?.close();
    await admin?.end();
  });

  it('fail, give their client back, and more transactions than the pool holds then succeed', async () => {
    killNext = poolSize + 1;
    for (let attempt = 0; attempt <= poolSize; attempt += 1) {
      await expect(handle.db.transaction(async (tx) => tx.execute(sql`select 1`))).rejects.toThrow();
    }
    expect(killNext).toBe(0);
    // Without giving the failed clients back, the pool stays full of dead ones: every transaction below would
    // wait for a connection until its timeout.
    const answers = await Promise.all(
      Array.from({ length: poolSize * 3 }, (_, index) =>
        handle.db.transaction(async (tx) => (await tx.execute(sql`select ${index}::int + 1 as n`)) as unknown as { rows: { n: number }[] }),
      ),
    );
    expect(answers.map((answer) => answer.rows[0].n)).toEqual(Array.from({ length: poolSize * 3 }, (_, index) => index + 1));
  });

  it('whose ROLLBACK fails too, reject with the error of their work, and the pool still serves', async () => {
    const failure = handle.db.transaction(async (tx) => {
      const [{ pid }] = ((await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as { rows: { pid: number }[] }).rows;
      await admin.query('select pg_terminate_backend($1)', [pid]);
      await tx.execute(sql`select 1`);
    });
    // drizzle's own method rejected with its ROLLBACK's error ("Failed query: rollback").
    await expect(failure).rejects.toThrow('Failed query: select 1');
    const answers = await Promise.all(
      Array.from({ length: poolSize * 2 }, () => handle.db.transaction(async (tx) => tx.execute(sql`select 1 as n`))),
    );
    expect(answers).toHaveLength(poolSize * 2);
  });
});
