import { sql, type SQL } from 'drizzle-orm';

/** drizzle-orm/node-postgres, as loaded (its ESM and CommonJS typings differ, so only what is used here). */
interface NodePgDriver {
  NodePgSession: { prototype: object; new (client: never, dialect: never, schema: never, options: never): object };
  NodePgTransaction: new (dialect: never, session: never, schema: never) => object;
}

/** The parts of drizzle's NodePgSession its `transaction` uses (private in its types). */
interface SessionInternals {
  client: { connect(): Promise<PooledClient>; constructor: { name: string } } | PooledClient;
  dialect: unknown;
  schema: unknown;
  options: unknown;
}
interface PooledClient {
  release(error?: Error | boolean): void;
}
interface TransactionInternals {
  execute(query: SQL): Promise<unknown>;
  getTransactionConfigSQL(config: unknown): SQL;
}

const repaired = new WeakSet<object>();

/**
 * drizzle 0.45's node-postgres `transaction()` sends BEGIN before the try/finally that gives the pool's client
 * back: when BEGIN fails (a connection the server or the network closed while it sat idle in the pool, as in a
 * database restart) the client is never released, and a pool of ten is empty after ten such failures; every
 * later request then waits for a connection until it times out, long after the database is back
 * (drizzle-team/drizzle-orm#6023, #6241, still open). A client whose ROLLBACK failed also went back to the pool
 * as if healthy. This is drizzle's method with BEGIN inside the try, and the pool told to drop a broken client.
 */
export function releaseClientsOfFailedTransactions(driver: NodePgDriver): void {
  const prototype = driver.NodePgSession.prototype as { transaction?: unknown };
  if (repaired.has(prototype)) return;
  repaired.add(prototype);
  prototype.transaction = async function transaction(
    this: SessionInternals,
    run: (tx: unknown) => Promise<unknown>,
    config?: unknown,
  ): Promise<unknown> {
    const client = this.client as { connect?: () => Promise<PooledClient>; constructor: { name: string } };
    const isPool = typeof client.connect === 'function' && client.constructor.name.includes('Pool');
    const session = isPool
      ? new driver.NodePgSession((await client.connect!()) as never, this.dialect as never, this.schema as never, this.options as never)
      : this;
    const tx = new driver.NodePgTransaction(
      this.dialect as never,
      session as never,
      this.schema as never,
    ) as unknown as TransactionInternals;
    let broken: Error | undefined;
    try {
      try {
        await tx.execute(sql`begin${config ? sql` ${tx.getTransactionConfigSQL(config)}` : undefined}`);
      } catch (error) {
        broken = error instanceof Error ? error : new Error(String(error));
        throw error;
      }
      try {
        const result = await run(tx);
        await tx.execute(sql`commit`);
        return result;
      } catch (error) {
        await tx.execute(sql`rollback`).catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        throw error;
      }
    } finally {
      if (isPool) ((session as unknown as SessionInternals).client as PooledClient).release(broken);
    }
  };
}
