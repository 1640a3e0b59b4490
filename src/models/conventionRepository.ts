import { and, asc, desc, eq, gt, max, ne, or, isNull } from 'drizzle-orm';
import { AppError } from '../errors';
import type { Executor } from './database';
import { conventionEvents, conventions } from './schema';

export type Convention = typeof conventions.$inferSelect;
export type ConventionChanges = Partial<Omit<typeof conventions.$inferInsert, 'id' | 'studentUserId' | 'version' | 'createdAt'>>;
export type ConventionEventRow = typeof conventionEvents.$inferSelect;
export type NewConventionEvent = Omit<typeof conventionEvents.$inferInsert, 'id'>;

/** 'CONV-2026-000042': the year of creation and the row id. */
export function conventionReference(id: number, createdAt: Date): string {
  return `CONV-${createdAt.getFullYear()}-${String(id).padStart(6, '0')}`;
}

export const conventionRepository = {
  async create(
    db: Executor,
    values: Pick<typeof conventions.$inferInsert, 'studentUserId' | 'programmeId' | 'academicYear' | 'subjectId' | 'student'>,
  ): Promise<Convention> {
    const [created] = await db.insert(conventions).values(values).returning();
    const [convention] = await db
      .update(conventions)
      .set({ reference: conventionReference(created.id, created.createdAt) })
      .where(eq(conventions.id, created.id))
      .returning();
    return convention;
  },

  /** Only the student's own convention: another student's id reads as missing. */
  async findForStudent(db: Executor, id: number, studentUserId: number): Promise<Convention | undefined> {
    const [convention] = await db
      .select()
      .from(conventions)
      .where(and(eq(conventions.id, id), eq(conventions.studentUserId, studentUserId)));
    return convention;
  },

  async findById(db: Executor, id: number): Promise<Convention | undefined> {
    const [convention] = await db.select().from(conventions).where(eq(conventions.id, id));
    return convention;
  },

  async listForStudent(db: Executor, studentUserId: number): Promise<Convention[]> {
    return db
      .select()
      .from(conventions)
      .where(eq(conventions.studentUserId, studentUserId))
      .orderBy(desc(conventions.createdAt), desc(conventions.id));
  },

  /** Optimistic locking: the update applies only to the version the user saw; otherwise a conflict. */
  async update(db: Executor, id: number, expectedVersion: number, changes: ConventionChanges): Promise<Convention> {
    const [convention] = await db
      .update(conventions)
      .set({ ...changes, version: expectedVersion + 1, updatedAt: new Date() })
      .where(and(eq(conventions.id, id), eq(conventions.version, expectedVersion)))
      .returning();
    if (!convention) throw new AppError(409, 'errors.conflict');
    return convention;
  },

  async addEvent(db: Executor, event: NewConventionEvent): Promise<void> {
    await db.insert(conventionEvents).values(event);
  },

  /** The id of the convention's latest event (0 before any): what a page saw, to tell later changes by others. */
  async lastEventId(db: Executor, conventionId: number): Promise<number> {
    const [row] = await db
      .select({ last: max(conventionEvents.id) })
      .from(conventionEvents)
      .where(eq(conventionEvents.conventionId, conventionId));
    return Number(row?.last ?? 0);
  },

  /** The roles of those (other than `userId`) who changed the convention after its event `afterId`, latest first. */
  async otherActorsSince(db: Executor, conventionId: number, afterId: number, userId: number): Promise<ConventionEventRow['actorRole'][]> {
    const rows = await db
      .select({ role: conventionEvents.actorRole })
      .from(conventionEvents)
      .where(
        and(
          eq(conventionEvents.conventionId, conventionId),
          gt(conventionEvents.id, afterId),
          or(isNull(conventionEvents.actorUserId), ne(conventionEvents.actorUserId, userId)),
        ),
      )
      .orderBy(desc(conventionEvents.id));
    return [...new Set(rows.map((row) => row.role))];
  },

  async listEvents(db: Executor, conventionId: number): Promise<ConventionEventRow[]> {
    return db
      .select()
      .from(conventionEvents)
      .where(eq(conventionEvents.conventionId, conventionId))
      .orderBy(asc(conventionEvents.at), asc(conventionEvents.id));
  },
};
