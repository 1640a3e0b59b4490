import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from './database';
import { preparedStatement } from './preparedStatements';
import { memberships, programmes, users } from './schema';

export type Programme = typeof programmes.$inferSelect;
export type MembershipRole = 'student' | 'staff';

export interface ProgrammeFromLaunch {
  iss: string;
  clientId: string;
  deploymentId: string;
  contextId: string;
  title: string;
  label?: string | null;
  lineItemsUrl?: string | null;
  /** The activity's own gradebook column (the AGS claim's `lineitem`), when the launched activity has a grade. */
  lineItemUrl?: string | null;
  membershipsUrl?: string | null;
  teachingHours?: number;
}

export const programmeRepository = {
  /**
   * Creates the programme on first launch and keeps the LMS service URLs of the latest launch: a launch that
   * names the activity's own gradebook column makes it the column scores go to (instead of one Pstage created),
   * a launch without one (the programme panel, an ungraded activity) keeps the stored column. The link's
   * teaching hours update the programme unless its staff set them by hand in Pstage: those are kept.
   */
  async upsertFromLaunch(db: Executor, launch: ProgrammeFromLaunch): Promise<Programme> {
    const manual = sql`${programmes.teachingHoursSource} = 'manual'`;
    const services = {
      clientId: launch.clientId,
      deploymentId: launch.deploymentId,
      ...(launch.lineItemsUrl ? { lineItemsUrl: launch.lineItemsUrl } : {}),
      ...(launch.lineItemUrl ? { lineItemUrl: launch.lineItemUrl } : {}),
      ...(launch.membershipsUrl ? { membershipsUrl: launch.membershipsUrl } : {}),
      ...(launch.teachingHours
        ? {
            teachingHours: sql`case when ${manual} then ${programmes.teachingHours} else ${launch.teachingHours}::integer end`,
            teachingHoursSource: sql`case when ${manual} then 'manual' else 'launch' end`,
          }
        : {}),
    };
    const [programme] = await db
      .insert(programmes)
      .values({ ...launch, label: launch.label ?? null, teachingHoursSource: launch.teachingHours ? 'launch' : null })
      .onConflictDoUpdate({ target: [programmes.iss, programmes.contextId], set: services })
      .returning();
    return programme;
  },

  async findById(db: Executor, id: number): Promise<Programme | undefined> {
    const [programme] = await db.select().from(programmes).where(eq(programmes.id, id));
    return programme;
  },

  async addMembership(db: Executor, userId: number, programmeId: number, role: MembershipRole, source: 'launch' | 'nrps' = 'launch') {
    await db
      .insert(memberships)
      .values({ userId, programmeId, role, source })
      .onConflictDoUpdate({ target: [memberships.userId, memberships.programmeId, memberships.role], set: { lastSeenAt: new Date() } });
  },

  async removeMembership(
    db: Executor,
    userId: number,
    programmeId: number,
    role: MembershipRole,
    source: 'launch' | 'nrps',
  ): Promise<void> {
    await db
      .delete(memberships)
      .where(
        and(
          eq(memberships.userId, userId),
          eq(memberships.programmeId, programmeId),
          eq(memberships.role, role),
          eq(memberships.source, source),
        ),
      );
  },

  /** With `source`, only a membership recorded that way (`'nrps'`: the course roster lists them). */
  async hasMembership(
    db: Executor,
    userId: number,
    programmeId: number,
    role: MembershipRole,
    source?: 'launch' | 'nrps',
  ): Promise<boolean> {
    const rows = await db
      .select({ id: memberships.id })
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, userId),
          eq(memberships.programmeId, programmeId),
          eq(memberships.role, role),
          source ? eq(memberships.source, source) : undefined,
        ),
      );
    return rows.length > 0;
  },

  /** Read on every page (the navigation): a prepared statement. */
  async listForUser(db: Executor, userId: number, role: MembershipRole): Promise<Programme[]> {
    const statement = preparedStatement(db, 'pstage_programmes_of_user', (on) =>
      on
        .select({ programme: programmes })
        .from(memberships)
        .innerJoin(programmes, eq(programmes.id, memberships.programmeId))
        .where(
          and(
            eq(memberships.userId, sql.placeholder('userId')),
            eq(memberships.role, sql.placeholder('role')),
            eq(programmes.archived, false),
          ),
        )
        .orderBy(programmes.title)
        .prepare('pstage_programmes_of_user'),
    );
    const rows = await statement.execute({ userId, role });
    return rows.map((row) => row.programme);
  },

  async listMembers(db: Executor, programmeId: number, role: MembershipRole) {
    return db
      .select({ user: users })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.programmeId, programmeId), eq(memberships.role, role)))
      .orderBy(users.familyName, users.name)
      .then((rows) => rows.map((row) => row.user));
  },

  /**
   * Reads the programme and holds its row until the transaction ends (`FOR UPDATE`): concurrent post-backs
   * wait here, so the LMS line item is found or created once. On PGlite transactions already run one at a time.
   */
  async findByIdForUpdate(db: Executor, id: number): Promise<Programme | undefined> {
    const [programme] = await db.select().from(programmes).where(eq(programmes.id, id)).for('update');
    return programme;
  },

  async setLineItemUrl(db: Executor, id: number, lineItemUrl: string | null, previous?: string): Promise<void> {
    const where = previous === undefined ? eq(programmes.id, id) : and(eq(programmes.id, id), eq(programmes.lineItemUrl, previous));
    await db.update(programmes).set({ lineItemUrl }).where(where);
  },

  /** What the programme's staff set in Pstage: the yearly teaching hours (now kept over launches) and the internship types. */
  async updateSettings(
    db: Executor,
    id: number,
    settings: { teachingHours: number; internshipTypes: string[] },
  ): Promise<Programme | undefined> {
    const [programme] = await db
      .update(programmes)
      .set({ ...settings, teachingHoursSource: 'manual' })
      .where(eq(programmes.id, id))
      .returning();
    return programme;
  },

  /** Every programme with its teaching hours, for the office. */
  async listTeachingVolumes(db: Executor) {
    return db
      .select({
        id: programmes.id,
        title: programmes.title,
        teachingHours: programmes.teachingHours,
        teachingHoursSource: programmes.teachingHoursSource,
        archived: programmes.archived,
      })
      .from(programmes)
      .orderBy(asc(programmes.title), asc(programmes.id));
  },

  async listByIds(db: Executor, ids: number[]): Promise<Programme[]> {
    if (ids.length === 0) return [];
    return db.select().from(programmes).where(inArray(programmes.id, ids));
  },
};
