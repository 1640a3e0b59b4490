import { and, between, eq, gte, notInArray } from 'drizzle-orm';
import type { Executor } from './database';
import { conventions, organisations, programmes, signatures, users, type StudentSnapshot } from './schema';

export interface SubmittedConvention {
  id: number;
  reference: string | null;
  submittedAt: Date | null;
  startDate: string | null;
  studentName: string;
  programmeTitle: string;
  organisationName: string | null;
}

export interface StartingConvention {
  id: number;
  reference: string | null;
  startDate: string;
  academicYear: string;
  studentUserId: number;
  /** Who the student is on the convention (the birth date decides whether a legal representative signs). */
  studentSnapshot: StudentSnapshot;
  student: { name: string; email: string | null; locale: string };
}

/** What the notification scheduler reads: conventions submitted lately, conventions about to start. */
export const scheduledNotificationRepository = {
  /** Conventions submitted since `since` that are still on their way (not returned to draft, not cancelled). */
  async submittedSince(db: Executor, since: Date): Promise<SubmittedConvention[]> {
    return db
      .select({
        id: conventions.id,
        reference: conventions.reference,
        submittedAt: conventions.submittedAt,
        startDate: conventions.startDate,
        studentName: users.name,
        programmeTitle: programmes.title,
        organisationName: organisations.name,
      })
      .from(conventions)
      .innerJoin(users, eq(users.id, conventions.studentUserId))
      .innerJoin(programmes, eq(programmes.id, conventions.programmeId))
      .leftJoin(organisations, eq(organisations.id, conventions.organisationId))
      .where(and(gte(conventions.submittedAt, since), notInArray(conventions.state, ['draft', 'cancelled'])))
      .orderBy(conventions.submittedAt, conventions.id);
  },

  /** Conventions starting between the two dates (inclusive) that are neither complete nor cancelled. */
  async startingBetween(db: Executor, from: string, to: string): Promise<StartingConvention[]> {
    const rows = await db
      .select({
        id: conventions.id,
        reference: conventions.reference,
        startDate: conventions.startDate,
        academicYear: conventions.academicYear,
        studentUserId: conventions.studentUserId,
        studentSnapshot: conventions.student,
        name: users.name,
        email: users.email,
        locale: users.locale,
      })
      .from(conventions)
      .innerJoin(users, eq(users.id, conventions.studentUserId))
      .where(and(between(conventions.startDate, from, to), notInArray(conventions.state, ['complete', 'cancelled'])))
      .orderBy(conventions.startDate, conventions.id);
    return rows.map(({ name, email, locale, startDate, ...row }) => ({ ...row, startDate: startDate!, student: { name, email, locale } }));
  },

  async signedParties(db: Executor, conventionId: number): Promise<string[]> {
    const rows = await db.select({ party: signatures.party }).from(signatures).where(eq(signatures.conventionId, conventionId));
    return rows.map((row) => row.party);
  },
};
