import { and, eq } from 'drizzle-orm';
import type { Executor } from './database';
import { users } from './schema';

export type User = typeof users.$inferSelect;
export type UserProfile = Pick<User, 'iss' | 'sub' | 'name' | 'givenName' | 'familyName' | 'email' | 'studentNumber' | 'locale'>;

export const userRepository = {
  /** Creates or refreshes the user seen at a launch; one row per (iss, sub) even under concurrent launches. */
  async upsertFromLaunch(db: Executor, profile: UserProfile): Promise<User> {
    const [user] = await db
      .insert(users)
      .values({ ...profile, lastLaunchAt: new Date() })
      .onConflictDoUpdate({
        target: [users.iss, users.sub],
        set: {
          name: profile.name,
          givenName: profile.givenName,
          familyName: profile.familyName,
          email: profile.email,
          studentNumber: profile.studentNumber,
          locale: profile.locale,
          lastLaunchAt: new Date(),
        },
      })
      .returning();
    return user;
  },

  /** A user known from the course roster (NRPS) who may never have launched. */
  async upsertFromRoster(db: Executor, profile: UserProfile): Promise<User> {
    const [user] = await db
      .insert(users)
      .values(profile)
      .onConflictDoUpdate({
        target: [users.iss, users.sub],
        set: { name: profile.name, givenName: profile.givenName, familyName: profile.familyName, email: profile.email },
      })
      .returning();
    return user;
  },

  async findById(db: Executor, id: number): Promise<User | undefined> {
    const [user] = await db.select().from(users).where(eq(users.id, id));
    return user;
  },

  async findByIssuerAndSub(db: Executor, iss: string, sub: string): Promise<User | undefined> {
    const [user] = await db
      .select()
      .from(users)
      .where(and(eq(users.iss, iss), eq(users.sub, sub)));
    return user;
  },
};
