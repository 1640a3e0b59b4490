import { eq } from 'drizzle-orm';
import type { Executor } from './database';
import { officeGrants, users } from './schema';

export const officeGrantRepository = {
  async isGranted(db: Executor, userId: number): Promise<boolean> {
    const rows = await db.select({ id: officeGrants.id }).from(officeGrants).where(eq(officeGrants.userId, userId));
    return rows.length > 0;
  },

  async grant(db: Executor, userId: number, grantedBy: number | null, reason: string): Promise<void> {
    await db.insert(officeGrants).values({ userId, grantedBy, reason }).onConflictDoNothing();
  },

  async revoke(db: Executor, userId: number): Promise<void> {
    await db.delete(officeGrants).where(eq(officeGrants.userId, userId));
  },

  async list(db: Executor) {
    return db
      .select({ grant: officeGrants, user: users })
      .from(officeGrants)
      .innerJoin(users, eq(users.id, officeGrants.userId))
      .orderBy(users.name);
  },
};
