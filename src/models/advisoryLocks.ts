import { sql } from 'drizzle-orm';
import type { Executor } from './database';

/** The advisory lock classes Pstage uses (the first key of the two-key form), in one place so they never collide. */
export const lockClass = {
  /** src/holdPoints.ts: the second key is hashtext(point name). */
  holdPoint: 2020,
  /** The notification scheduler's pass: one instance at a time. */
  scheduler: 2021,
  /** Applying the migrations at start-up (src/models/database.ts). */
  migrations: 2022,
} as const;

function rowsOf(result: unknown): Record<string, unknown>[] {
  return (result as { rows: Record<string, unknown>[] }).rows;
}

export const advisoryLocks = {
  /** Inside a transaction: takes the lock until the transaction ends, or answers false at once if another session holds it. */
  async tryForTransaction(tx: Executor, classId: number, objectId: number): Promise<boolean> {
    const rows = rowsOf(await tx.execute(sql`select pg_try_advisory_xact_lock(${classId}::int, ${objectId}::int) as locked`));
    return rows[0]?.locked === true;
  },

  /** Waits for the lock named by `name` (held until the transaction ends; at once released outside one). */
  async waitForNamed(db: Executor, classId: number, name: string): Promise<void> {
    await db.execute(sql`select pg_advisory_xact_lock(${classId}::int, hashtext(${name}))`);
  },
};
