import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Executor } from './database';
import { conventions, evaluations, internshipProgress, organisations, teachers, users } from './schema';

/**
 * The academic referent is the convention's academic tutor: a teacher row, linked to a Pstage user (from the LMS
 * roster) or known by e-mail only. A programme staff member is the referent of a convention when the teacher is
 * them, by user or by the e-mail their launch gave.
 */
const isReferent = (userId: number) =>
  or(
    eq(teachers.userId, userId),
    sql`lower(${teachers.email}) = (select lower(${users.email}) from ${users} where ${users.id} = ${userId})`,
  );

export const referentRepository = {
  /** Complete conventions of the programme the user follows as academic referent, with their referent evaluation. */
  async listInterns(db: Executor, programmeId: number, userId: number) {
    return db
      .select({
        id: conventions.id,
        reference: conventions.reference,
        student: conventions.student,
        organisationName: organisations.name,
        startDate: conventions.startDate,
        endDate: conventions.endDate,
        actualEndDate: conventions.actualEndDate,
        internshipState: internshipProgress.state,
        evaluationStatus: evaluations.status,
      })
      .from(conventions)
      .innerJoin(teachers, eq(teachers.id, conventions.academicTutorId))
      .leftJoin(organisations, eq(organisations.id, conventions.organisationId))
      .leftJoin(internshipProgress, eq(internshipProgress.conventionId, conventions.id))
      .leftJoin(evaluations, and(eq(evaluations.conventionId, conventions.id), eq(evaluations.kind, 'referent')))
      .where(and(eq(conventions.programmeId, programmeId), eq(conventions.state, 'complete'), isReferent(userId)))
      .orderBy(asc(conventions.endDate), asc(conventions.id));
  },

  async isReferentOf(db: Executor, conventionId: number, programmeId: number, userId: number): Promise<boolean> {
    const rows = await db
      .select({ id: conventions.id })
      .from(conventions)
      .innerJoin(teachers, eq(teachers.id, conventions.academicTutorId))
      .where(and(eq(conventions.id, conventionId), eq(conventions.programmeId, programmeId), isReferent(userId)));
    return rows.length === 1;
  },
};
