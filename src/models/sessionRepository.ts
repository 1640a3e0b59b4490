import { eq, lt } from 'drizzle-orm';
import type { Executor } from './database';
import { sessions } from './schema';

export type SessionRow = typeof sessions.$inferSelect;

export const sessionRepository = {
  async create(db: Executor, row: SessionRow): Promise<void> {
    await db.insert(sessions).values(row);
  },
  async find(db: Executor, id: string): Promise<SessionRow | undefined> {
    const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
    return row && row.expiresAt > new Date() ? row : undefined;
  },
  async update(db: Executor, id: string, data: Record<string, unknown>, expiresAt: Date): Promise<void> {
    await db.update(sessions).set({ data, expiresAt }).where(eq(sessions.id, id));
  },
  async delete(db: Executor, id: string): Promise<void> {
    await db.delete(sessions).where(eq(sessions.id, id));
  },
  async deleteExpired(db: Executor): Promise<void> {
    await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  },
};
