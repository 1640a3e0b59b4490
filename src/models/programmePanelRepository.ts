import { and, asc, eq, getTableColumns, gte, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from './database';
import { conventionEvents, conventions, memberships, subjects, teachers, users } from './schema';
import type { Convention } from './conventionRepository';
import type { Subject } from './subjectRepository';
import type { Teacher } from './teacherRepository';
import type { User } from './userRepository';

/** What the programme head's panel reads: everything of one programme, in a few queries. */
export const programmePanelRepository = {
  async studentMemberships(db: Executor, programmeId: number) {
    return db
      .select({ userId: memberships.userId, lastSeenAt: memberships.lastSeenAt, source: memberships.source })
      .from(memberships)
      .where(and(eq(memberships.programmeId, programmeId), eq(memberships.role, 'student')));
  },

  async subjects(db: Executor, programmeId: number): Promise<Subject[]> {
    return db.select().from(subjects).where(eq(subjects.programmeId, programmeId)).orderBy(asc(subjects.createdAt), asc(subjects.id));
  },

  /** Each with `returned`: a draft the office sent back (a 'return' event), shown as returned, not as a draft. */
  async conventions(db: Executor, programmeId: number): Promise<(Convention & { returned: boolean })[]> {
    return db
      .select({
        ...getTableColumns(conventions),
        // `in`, not a correlated `exists`: a single-table select writes its columns unqualified.
        returned: sql<boolean>`${conventions.state} = 'draft' and ${conventions.id} in (select ${conventionEvents.conventionId} from ${conventionEvents} where ${conventionEvents.event} = 'return')`,
      })
      .from(conventions)
      .where(eq(conventions.programmeId, programmeId))
      .orderBy(asc(conventions.createdAt), asc(conventions.id));
  },

  async usersByIds(db: Executor, ids: number[]): Promise<User[]> {
    if (ids.length === 0) return [];
    return db.select().from(users).where(inArray(users.id, ids));
  },

  async teachersByIds(db: Executor, ids: number[]): Promise<Teacher[]> {
    if (ids.length === 0) return [];
    return db.select().from(teachers).where(inArray(teachers.id, ids));
  },

  /** The student's conventions in the programme that the tutor assignment still changes. */
  async openConventionsOf(db: Executor, programmeId: number, studentUserId: number): Promise<Convention[]> {
    return db
      .select()
      .from(conventions)
      .where(
        and(
          eq(conventions.programmeId, programmeId),
          eq(conventions.studentUserId, studentUserId),
          inArray(conventions.state, ['draft', 'submitted']),
        ),
      );
  },

  /** A student of the programme: in its roster, or with a subject or a convention in it. */
  async isStudentOf(db: Executor, programmeId: number, studentUserId: number): Promise<boolean> {
    const [member] = await db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.programmeId, programmeId), eq(memberships.userId, studentUserId), eq(memberships.role, 'student')))
      .limit(1);
    if (member) return true;
    const [subject] = await db
      .select({ id: subjects.id })
      .from(subjects)
      .where(and(eq(subjects.programmeId, programmeId), eq(subjects.studentUserId, studentUserId)))
      .limit(1);
    if (subject) return true;
    const [convention] = await db
      .select({ id: conventions.id })
      .from(conventions)
      .where(and(eq(conventions.programmeId, programmeId), eq(conventions.studentUserId, studentUserId)))
      .limit(1);
    return Boolean(convention);
  },

  /**
   * Interns per teacher of the programme in each academic year from `fromAcademicYear` on (conventions not
   * cancelled); a teacher who is an LMS user counts their interns in every programme.
   */
  async internCountsByYear(
    db: Executor,
    programmeId: number,
    fromAcademicYear: string,
  ): Promise<{ teacherId: number; academicYear: string; count: number }[]> {
    const rows = await db
      .select({ teacherId: sql<number>`t.id`, academicYear: conventions.academicYear, count: sql<number>`count(${conventions.id})::int` })
      .from(sql`${teachers} as t`)
      .innerJoin(sql`${teachers} as same`, sql`same.id = t.id or (t.user_id is not null and same.user_id = t.user_id)`)
      .innerJoin(
        conventions,
        and(
          sql`${conventions.academicTutorId} = same.id`,
          ne(conventions.state, 'cancelled'),
          gte(conventions.academicYear, fromAcademicYear),
        ),
      )
      .where(sql`t.programme_id = ${programmeId}`)
      .groupBy(sql`t.id`, conventions.academicYear);
    return rows.map((row) => ({ teacherId: Number(row.teacherId), academicYear: row.academicYear, count: Number(row.count) }));
  },
};
