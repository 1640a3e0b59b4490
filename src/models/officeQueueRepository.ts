import { and, asc, count, desc, eq, gte, like, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from './database';
import { containsSearchable, unaccented } from './textSearch';
import { conventionEvents, conventions, organisations, programmes, subjects, users } from './schema';

export type ConventionState = (typeof conventions.$inferSelect)['state'];
/** 'returned' is a draft the office sent back (a 'return' event in its history). */
export type QueueState = ConventionState | 'returned';

export interface QueueFilters {
  academicYear?: string;
  programmeId?: number;
  state?: QueueState;
  organisationId?: number;
  country?: string;
  startFrom?: string;
  startTo?: string;
  /** Student name or number, host name or SIRET. */
  search?: string;
}

const returned = sql<boolean>`exists (select 1 from ${conventionEvents} where ${conventionEvents.conventionId} = ${conventions.id} and ${conventionEvents.event} = 'return')`;

/** One row per convention with what the office needs to see before opening it: a single query for a whole page. */
const queueColumns = {
  id: conventions.id,
  reference: conventions.reference,
  studentUserId: conventions.studentUserId,
  state: conventions.state,
  version: conventions.version,
  academicYear: conventions.academicYear,
  startDate: conventions.startDate,
  endDate: conventions.endDate,
  student: conventions.student,
  studentName: users.name,
  studentNumber: users.studentNumber,
  programmeId: conventions.programmeId,
  programmeTitle: programmes.title,
  organisationId: conventions.organisationId,
  organisationName: organisations.name,
  organisationSiret: organisations.siret,
  organisationCountry: organisations.country,
  organisationValidated: organisations.validated,
  subjectState: subjects.state,
  subjectTutorId: subjects.academicTutorId,
  legalFindings: conventions.legalFindings,
  returned,
};

export type QueueRow = Awaited<ReturnType<typeof selectQueue>>[number];

function selectQueue(db: Executor, where: SQL | undefined) {
  return db
    .select(queueColumns)
    .from(conventions)
    .innerJoin(users, eq(users.id, conventions.studentUserId))
    .innerJoin(programmes, eq(programmes.id, conventions.programmeId))
    .leftJoin(subjects, eq(subjects.id, conventions.subjectId))
    .leftJoin(organisations, eq(organisations.id, conventions.organisationId))
    .where(where);
}

function searchCondition(term: string): SQL {
  const pattern = containsSearchable(term);
  const digits = term.replace(/\s/g, '');
  return or(
    like(unaccented(users.name), pattern),
    like(unaccented(sql`concat_ws(' ', ${conventions.student}->>'firstName', ${conventions.student}->>'lastName')`), pattern),
    eq(users.studentNumber, term),
    eq(sql`${conventions.student}->>'studentNumber'`, term),
    like(organisations.searchName, pattern),
    eq(organisations.siret, digits),
  )!;
}

function whereOf(filters: QueueFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.academicYear) conditions.push(eq(conventions.academicYear, filters.academicYear));
  if (filters.programmeId) conditions.push(eq(conventions.programmeId, filters.programmeId));
  if (filters.state === 'returned') conditions.push(and(eq(conventions.state, 'draft'), returned)!);
  else if (filters.state) conditions.push(eq(conventions.state, filters.state));
  if (filters.organisationId) conditions.push(eq(conventions.organisationId, filters.organisationId));
  if (filters.country) conditions.push(eq(organisations.country, filters.country));
  if (filters.startFrom) conditions.push(gte(conventions.startDate, filters.startFrom));
  if (filters.startTo) conditions.push(lte(conventions.startDate, filters.startTo));
  if (filters.search) conditions.push(searchCondition(filters.search));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

export const officeQueueRepository = {
  /** A page of conventions, by start date (undated drafts last). */
  async list(db: Executor, filters: QueueFilters, page: { limit: number; offset: number }): Promise<{ rows: QueueRow[]; total: number }> {
    const where = whereOf(filters);
    const rows = await selectQueue(db, where)
      .orderBy(sql`${conventions.startDate} asc nulls last`, asc(conventions.id))
      .limit(page.limit)
      .offset(page.offset);
    const [{ total }] = await db
      .select({ total: count() })
      .from(conventions)
      .innerJoin(users, eq(users.id, conventions.studentUserId))
      .leftJoin(organisations, eq(organisations.id, conventions.organisationId))
      .where(where);
    return { rows, total };
  },

  /** Not complete, not cancelled, and starting on or before `lastDay` (past starts included). */
  async listStartingBy(db: Executor, lastDay: string, limit = 100): Promise<QueueRow[]> {
    return selectQueue(db, and(notInArray(conventions.state, ['complete', 'cancelled']), lte(conventions.startDate, lastDay)))
      .orderBy(asc(conventions.startDate), asc(conventions.id))
      .limit(limit);
  },

  async countByState(db: Executor): Promise<Record<QueueState, number>> {
    const counts: Record<QueueState, number> = {
      draft: 0,
      returned: 0,
      submitted: 0,
      validated: 0,
      signed_by_parties: 0,
      complete: 0,
      cancelled: 0,
    };
    const rows = await db.select({ state: conventions.state, total: count() }).from(conventions).groupBy(conventions.state);
    for (const row of rows) counts[row.state] = row.total;
    const [{ total }] = await db
      .select({ total: count() })
      .from(conventions)
      .where(and(eq(conventions.state, 'draft'), returned));
    counts.returned = total;
    return counts;
  },

  /** The values the filters offer: only those some convention uses. */
  async filterOptions(db: Executor) {
    const academicYears = await db
      .selectDistinct({ value: conventions.academicYear })
      .from(conventions)
      .orderBy(desc(conventions.academicYear));
    const programmeRows = await db.select({ id: programmes.id, title: programmes.title }).from(programmes).orderBy(asc(programmes.title));
    const hosts = await db
      .selectDistinct({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .innerJoin(conventions, eq(conventions.organisationId, organisations.id))
      .orderBy(asc(organisations.name), asc(organisations.id));
    const countries = await db
      .selectDistinct({ value: organisations.country })
      .from(organisations)
      .innerJoin(conventions, eq(conventions.organisationId, organisations.id))
      .orderBy(asc(organisations.country));
    return {
      academicYears: academicYears.map((row) => row.value),
      programmes: programmeRows,
      hosts,
      countries: countries.map((row) => row.value),
    };
  },
};
