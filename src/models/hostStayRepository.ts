import { and, eq, inArray, isNotNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from './database';
import { preparedStatement } from './preparedStatements';
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

/** What a stay is read with. */
const stayColumns = {
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
};

/** The dated, non-cancelled conventions that have a host, of the students `students` selects. */
const stays = (db: Executor, students: SQL) =>
  db
    .select(stayColumns)
    .from(conventions)
    .innerJoin(organisations, eq(organisations.id, conventions.organisationId))
    .where(
      and(
        students,
        ne(conventions.state, 'cancelled'),
        isNotNull(conventions.startDate),
        isNotNull(conventions.endDate),
        isNotNull(conventions.weeklySchedule),
      ),
    );

type Read = Awaited<ReturnType<typeof stays>>;
const asStays = (rows: Read): StayRow[] =>
  rows.map((row) => ({ ...row, startDate: row.startDate!, endDate: row.endDate!, weeklySchedule: row.weeklySchedule! }));

export const hostStayRepository = {
  /** The dated, non-cancelled conventions of these students that have a host: what the cumulation at a host adds up. */
  async listForStudents(db: Executor, studentUserIds: readonly number[]): Promise<StayRow[]> {
    if (studentUserIds.length === 0) return [];
    return asStays(await stays(db, inArray(conventions.studentUserId, [...new Set(studentUserIds)])));
  },

  /** The same for one student, read on the wizard's pages that show the cumulation: a prepared statement. */
  async listForStudent(db: Executor, studentUserId: number): Promise<StayRow[]> {
    const statement = preparedStatement(db, 'pstage_host_stays_of_student', (on) =>
      stays(on, eq(conventions.studentUserId, sql.placeholder('studentUserId'))).prepare('pstage_host_stays_of_student'),
    );
    return asStays(await statement.execute({ studentUserId }));
  },
};
