import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { Executor } from './database';
import { conventions, organisations } from './schema';

/** One convention with what its presence at its host needs: dates, schedule and the host's identity and place. */
export interface StayRow {
  id: number;
  reference: string | null;
  state: (typeof conventions.$inferSelect)['state'];
  studentUserId: number;
  organisationId: number;
  siret: string | null;
  country: string;
  postalCode: string;
  startDate: string;
  endDate: string;
  weeklySchedule: number[];
  interruptions: { start: string; end: string }[];
  nightPresence: boolean;
  nightHours: number | null;
  sundayPresence: boolean;
  sundayHours: number | null;
  holidayPresence: boolean;
  holidayHours: number | null;
}

export const hostStayRepository = {
  /** The dated, non-cancelled conventions of these students that have a host: what the cumulation at a host adds up. */
  async listForStudents(db: Executor, studentUserIds: readonly number[]): Promise<StayRow[]> {
    if (studentUserIds.length === 0) return [];
    const rows = await db
      .select({
        id: conventions.id,
        reference: conventions.reference,
        state: conventions.state,
        studentUserId: conventions.studentUserId,
        organisationId: organisations.id,
        siret: organisations.siret,
        country: organisations.country,
        postalCode: organisations.postalCode,
        startDate: conventions.startDate,
        endDate: conventions.endDate,
        weeklySchedule: conventions.weeklySchedule,
        interruptions: conventions.interruptions,
        nightPresence: conventions.nightPresence,
        nightHours: conventions.nightHours,
        sundayPresence: conventions.sundayPresence,
        sundayHours: conventions.sundayHours,
        holidayPresence: conventions.holidayPresence,
        holidayHours: conventions.holidayHours,
      })
      .from(conventions)
      .innerJoin(organisations, eq(organisations.id, conventions.organisationId))
      .where(
        and(
          inArray(conventions.studentUserId, [...new Set(studentUserIds)]),
          ne(conventions.state, 'cancelled'),
          isNotNull(conventions.startDate),
          isNotNull(conventions.endDate),
          isNotNull(conventions.weeklySchedule),
        ),
      );
    return rows.map((row) => ({ ...row, startDate: row.startDate!, endDate: row.endDate!, weeklySchedule: row.weeklySchedule! }));
  },
};
