import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from './database';
import { teachers } from './schema';

export type Teacher = typeof teachers.$inferSelect;
export type TeacherFields = Pick<typeof teachers.$inferInsert, 'civility' | 'firstName' | 'lastName' | 'email' | 'userId' | 'programmeId'>;

export const teacherRepository = {
  async listForProgramme(db: Executor, programmeId: number): Promise<Teacher[]> {
    return db.select().from(teachers).where(eq(teachers.programmeId, programmeId)).orderBy(asc(teachers.lastName), asc(teachers.firstName));
  },

  async findById(db: Executor, id: number): Promise<Teacher | undefined> {
    const [teacher] = await db.select().from(teachers).where(eq(teachers.id, id));
    return teacher;
  },

  /** A tutor the student may choose: one of the programme's teachers. */
  async findForProgramme(db: Executor, programmeId: number, id: number): Promise<Teacher | undefined> {
    const [teacher] = await db
      .select()
      .from(teachers)
      .where(and(eq(teachers.id, id), eq(teachers.programmeId, programmeId)));
    return teacher;
  },

  async findByUser(db: Executor, programmeId: number, userId: number): Promise<Teacher | undefined> {
    const [teacher] = await db
      .select()
      .from(teachers)
      .where(and(eq(teachers.programmeId, programmeId), eq(teachers.userId, userId)));
    return teacher;
  },

  async create(db: Executor, fields: TeacherFields): Promise<Teacher> {
    const [teacher] = await db.insert(teachers).values(fields).returning();
    return teacher;
  },
};
