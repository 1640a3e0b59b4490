import { asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import type { Executor } from './database';
import { escapeLike } from './textSearch';
import { officeGrants, sessions, users } from './schema';

/** Who holds the office role inside Pstage, and the LMS users it can be given to. */
export const officeStaffRepository = {
  async listGrants(db: Executor) {
    const grantedBy = sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${officeGrants.grantedBy})`;
    return db
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        reason: officeGrants.reason,
        grantedAt: officeGrants.createdAt,
        grantedByName: grantedBy,
      })
      .from(officeGrants)
      .innerJoin(users, eq(users.id, officeGrants.userId))
      .orderBy(asc(users.name), asc(users.id));
  },

  async countGrants(db: Executor): Promise<number> {
    const [{ total }] = await db.select({ total: count() }).from(officeGrants);
    return Number(total);
  },

  /** Users known to Pstage (they launched it, or came with a course roster), by name or e-mail. */
  async searchUsers(db: Executor, text: string, limit = 20) {
    const pattern = `%${escapeLike(text)}%`;
    return db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(or(ilike(users.name, pattern), ilike(users.email, pattern)))
      .orderBy(asc(users.name), asc(users.id))
      .limit(limit);
  },

  /** Open sessions read their role from their stored data: a grant or a revocation changes it at once. */
  async setOfficeInSessions(db: Executor, userId: number, office: boolean): Promise<void> {
    await db
      .update(sessions)
      .set({ data: sql`jsonb_set(${sessions.data}, '{office}', ${office ? sql`'true'::jsonb` : sql`'false'::jsonb`})` })
      .where(eq(sessions.userId, userId));
  },
};
