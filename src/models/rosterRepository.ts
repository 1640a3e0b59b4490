import { and, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from './database';
import { memberships, rosterSyncs, users } from './schema';
import type { User } from './userRepository';

export type RosterSync = typeof rosterSyncs.$inferSelect;

export interface RosterPerson {
  sub: string;
  name: string;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  studentNumber: string | null;
}

export const rosterRepository = {
  async findSync(db: Executor, programmeId: number): Promise<RosterSync | undefined> {
    const [sync] = await db.select().from(rosterSyncs).where(eq(rosterSyncs.programmeId, programmeId));
    return sync;
  },

  /** A successful fetch sets syncedAt and clears the error; a failed one keeps the last good date. */
  async recordAttempt(db: Executor, programmeId: number, attempt: { at: Date; ok: boolean; error?: string }): Promise<void> {
    const values = attempt.ok
      ? { attemptedAt: attempt.at, syncedAt: attempt.at, lastError: null }
      : { attemptedAt: attempt.at, lastError: attempt.error ?? 'unknown' };
    await db
      .insert(rosterSyncs)
      .values({ programmeId, ...values })
      .onConflictDoUpdate({ target: rosterSyncs.programmeId, set: values });
  },

  /**
   * A roster member becomes a user (one per issuer and LMS id), with the student number the LMS shares.
   * A user whose details did not change is left as it is (no rewrite of every row at each refresh).
   */
  async upsertUser(db: Executor, iss: string, person: RosterPerson): Promise<User> {
    const profile = {
      name: person.name,
      givenName: person.givenName,
      familyName: person.familyName,
      email: person.email,
      ...(person.studentNumber ? { studentNumber: person.studentNumber } : {}),
    };
    const changed = person.studentNumber
      ? sql`(${users.name}, ${users.givenName}, ${users.familyName}, ${users.email}, ${users.studentNumber}) is distinct from (excluded.name, excluded.given_name, excluded.family_name, excluded.email, excluded.student_number)`
      : sql`(${users.name}, ${users.givenName}, ${users.familyName}, ${users.email}) is distinct from (excluded.name, excluded.given_name, excluded.family_name, excluded.email)`;
    const [user] = await db
      .insert(users)
      .values({ iss, sub: person.sub, ...profile })
      .onConflictDoUpdate({ target: [users.iss, users.sub], set: profile, setWhere: changed })
      .returning();
    if (user) return user;
    const [unchanged] = await db
      .select()
      .from(users)
      .where(and(eq(users.iss, iss), eq(users.sub, person.sub)));
    return unchanged;
  },

  /** Marks the membership as seen in this roster; a membership first seen here comes from NRPS. */
  async markSeen(db: Executor, userId: number, programmeId: number, role: 'student' | 'staff', seenAt: Date): Promise<void> {
    await db
      .insert(memberships)
      .values({ userId, programmeId, role, source: 'nrps', lastSeenAt: seenAt })
      .onConflictDoUpdate({ target: [memberships.userId, memberships.programmeId, memberships.role], set: { lastSeenAt: seenAt } });
  },

  /**
   * Memberships that came from NRPS and are no longer in the roster (or are inactive there) go away. Those
   * recorded at a launch stay, so nobody loses access on a roster glitch; the panel shows them as departed.
   */
  async removeDeparted(db: Executor, programmeId: number, seenAt: Date): Promise<number> {
    const removed = await db
      .delete(memberships)
      .where(and(eq(memberships.programmeId, programmeId), eq(memberships.source, 'nrps'), lt(memberships.lastSeenAt, seenAt)))
      .returning({ id: memberships.id });
    return removed.length;
  },

  async listMemberships(db: Executor, programmeId: number) {
    return db.select().from(memberships).where(eq(memberships.programmeId, programmeId));
  },
};
