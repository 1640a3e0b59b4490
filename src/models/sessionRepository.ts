import { and, desc, eq, getTableColumns, gt, lt, notInArray, sql } from 'drizzle-orm';
import type { Executor } from './database';
import { preparedStatement } from './preparedStatements';
import { sessions } from './schema';

export type SessionRow = typeof sessions.$inferSelect;

/** A programme where the session's user is staff, as the navigation links to it. */
export interface StaffProgrammeLink {
  id: number;
  title: string;
}

/** Rows are keyed by the hash of the cookie's token (see the session middleware); no method sees a token. */
export const sessionRepository = {
  async create(db: Executor, row: SessionRow): Promise<void> {
    await db.insert(sessions).values(row);
  },
  /** Read on every request: a prepared statement. */
  async find(db: Executor, idHash: string, now: Date): Promise<SessionRow | undefined> {
    const statement = preparedStatement(db, 'pstage_session_find', (on) =>
      on
        .select()
        .from(sessions)
        .where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql.placeholder('now'))))
        .prepare('pstage_session_find'),
    );
    const [row] = await statement.execute({ id: idHash, now: now.toISOString() });
    return row;
  },
  /**
   * The session with the programmes where its user is staff (not archived, by title), in one round trip: every page
   * reads both (the session, then the navigation's links).
   */
  async findWithStaffProgrammes(
    db: Executor,
    idHash: string,
    now: Date,
  ): Promise<(SessionRow & { staffProgrammes: StaffProgrammeLink[] }) | undefined> {
    const statement = preparedStatement(db, 'pstage_session_find_with_staff_programmes', (on) =>
      on
        .select({
          ...getTableColumns(sessions),
          staffProgrammes: sql<
            StaffProgrammeLink[] | string
          >`(select coalesce(json_agg(json_build_object('id', p.id, 'title', p.title) order by p.title), '[]'::json)
            from memberships m inner join programmes p on p.id = m.programme_id
            where m.user_id = "sessions"."user_id" and m.role = 'staff' and p.archived = false)`,
        })
        .from(sessions)
        .where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql.placeholder('now'))))
        .prepare('pstage_session_find_with_staff_programmes'),
    );
    const [row] = await statement.execute({ id: idHash, now: now.toISOString() });
    if (!row) return undefined;
    const staffProgrammes =
      typeof row.staffProgrammes === 'string' ? (JSON.parse(row.staffProgrammes) as StaffProgrammeLink[]) : row.staffProgrammes;
    return { ...row, staffProgrammes: staffProgrammes.map((programme) => ({ id: Number(programme.id), title: programme.title })) };
  },
  async update(db: Executor, idHash: string, data: Record<string, unknown>): Promise<void> {
    await db.update(sessions).set({ data }).where(eq(sessions.id, idHash));
  },
  async touch(db: Executor, idHash: string, expiresAt: Date): Promise<void> {
    await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, idHash));
  },
  async delete(db: Executor, idHash: string): Promise<void> {
    await db.delete(sessions).where(eq(sessions.id, idHash));
  },
  /** Keeps a user's `keep` most recent sessions and closes the older ones; returns how many were closed. */
  async keepNewest(db: Executor, userId: number, keep: number): Promise<number> {
    const newest = db
      .select({ id: sessions.id })
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .orderBy(desc(sessions.createdAt), desc(sessions.id))
      .limit(keep);
    const closed = await db
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), notInArray(sessions.id, newest)))
      .returning({ id: sessions.id });
    return closed.length;
  },
  /** Removes the sessions expired before `now`; returns how many. */
  async deleteExpired(db: Executor, now: Date): Promise<number> {
    const deleted = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
    return deleted.length;
  },
};
