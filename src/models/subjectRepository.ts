import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from './database';
import { subjects } from './schema';

export type Subject = typeof subjects.$inferSelect;
export interface SubjectFields {
  title: string;
  description: string;
  hostName: string | null;
  approximateStart: string | null;
  approximateEnd: string | null;
}

export const subjectRepository = {
  async create(db: Executor, studentUserId: number, programmeId: number, fields: SubjectFields): Promise<Subject> {
    const [subject] = await db
      .insert(subjects)
      .values({ studentUserId, programmeId, ...fields })
      .returning();
    return subject;
  },

  /** Only the student's own subject: another student's id reads as missing. */
  async findForStudent(db: Executor, id: number, studentUserId: number): Promise<Subject | undefined> {
    const [subject] = await db
      .select()
      .from(subjects)
      .where(and(eq(subjects.id, id), eq(subjects.studentUserId, studentUserId)));
    return subject;
  },

  async listForStudent(db: Executor, studentUserId: number): Promise<Subject[]> {
    return db.select().from(subjects).where(eq(subjects.studentUserId, studentUserId)).orderBy(desc(subjects.createdAt), desc(subjects.id));
  },

  async update(db: Executor, id: number, fields: SubjectFields & { state: Subject['state'] }): Promise<void> {
    await db
      .update(subjects)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(subjects.id, id));
  },

  async findById(db: Executor, id: number): Promise<Subject | undefined> {
    const [subject] = await db.select().from(subjects).where(eq(subjects.id, id));
    return subject;
  },

  /** The programme head's decision on a subject. */
  async recordDecision(
    db: Executor,
    id: number,
    decision: Pick<Subject, 'state' | 'decisionComment' | 'decidedBy' | 'decidedAt'>,
  ): Promise<void> {
    await db
      .update(subjects)
      .set({ ...decision, updatedAt: new Date() })
      .where(eq(subjects.id, id));
  },

  async setAcademicTutor(db: Executor, id: number, academicTutorId: number): Promise<void> {
    await db.update(subjects).set({ academicTutorId, updatedAt: new Date() }).where(eq(subjects.id, id));
  },
};
