import { aliasedTable, and, asc, count, desc, eq, gte, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import { academicYearsInUse } from './officeQueueRepository';
import { containsSearchable, escapeLike } from './textSearch';
import type { Executor } from './database';
import { contacts, conventions, organisations, programmes, teachers, users, type conventionStateValues } from './schema';

export type ConventionState = (typeof conventionStateValues)[number];

/** Where a page ends: the next one starts after this row (in the page's order). */
export interface InternshipCursor {
  startDate: string | null;
  id: number;
}

export interface InternshipFilter {
  academicYear?: string;
  programmeId?: number;
  state?: ConventionState;
  country?: string;
  host?: string;
  gratified?: boolean;
  startFrom?: string;
  startTo?: string;
  student?: string;
}

const studentField = (field: string) => sql`(${conventions.student}->>${field})`;
const gratifiedCondition = sql`coalesce(${conventions.gratificationAmount}, 0) > 0`;

/** Drafts are the students' work in progress: the internship database starts at submission. */
function filterConditions(filter: InternshipFilter): SQL[] {
  const conditions: SQL[] = [ne(conventions.state, 'draft')];
  if (filter.academicYear) conditions.push(eq(conventions.academicYear, filter.academicYear));
  if (filter.programmeId) conditions.push(eq(conventions.programmeId, filter.programmeId));
  if (filter.state) conditions.push(eq(conventions.state, filter.state));
  // Conditions on joined tables go through subqueries: the count reads conventions alone, the page its index.
  if (filter.country)
    conditions.push(sql`${conventions.organisationId} in (select id from organisations where country = ${filter.country.toUpperCase()})`);
  if (filter.host) {
    const pattern = `%${escapeLike(filter.host.replace(/\s/g, ''))}%`;
    conditions.push(
      sql`${conventions.organisationId} = any(array(select id from organisations where search_name like ${containsSearchable(filter.host)} or siret like ${pattern}))`,
    );
  }
  if (filter.gratified === true) conditions.push(gratifiedCondition);
  if (filter.gratified === false) conditions.push(sql`not (${gratifiedCondition})`);
  if (filter.startFrom) conditions.push(gte(conventions.startDate, filter.startFrom));
  if (filter.startTo) conditions.push(lte(conventions.startDate, filter.startTo));
  if (filter.student) {
    // The snapshot's names in both orders and its number (student_search), or the LMS name: trigram indexes on both.
    const pattern = containsSearchable(filter.student);
    conditions.push(
      sql`(${conventions.studentSearch} like ${pattern} or ${conventions.studentUserId} = any(array(select id from users where search_name like ${pattern})))`,
    );
  }
  return conditions;
}

const professionalTutor = aliasedTable(contacts, 'professional_tutor');

const rowColumns = {
  id: conventions.id,
  reference: conventions.reference,
  academicYear: conventions.academicYear,
  state: conventions.state,
  programmeTitle: programmes.title,
  studentFirstName: sql<string | null>`${studentField('firstName')}`,
  studentLastName: sql<string | null>`${studentField('lastName')}`,
  studentNumber: sql<string | null>`coalesce(${studentField('studentNumber')}, ${users.studentNumber})`,
  studentName: users.name,
  organisationName: organisations.name,
  siret: organisations.siret,
  city: organisations.city,
  country: organisations.country,
  startDate: conventions.startDate,
  endDate: conventions.endDate,
  totalHours: sql<number | null>`coalesce(${conventions.computedTotalHours}, ${conventions.declaredTotalHours})::float`,
  gratificationAmount: conventions.gratificationAmount,
  gratificationUnit: conventions.gratificationUnit,
  professionalTutor: sql<
    string | null
  >`nullif(trim(coalesce(${professionalTutor.firstName}, '') || ' ' || coalesce(${professionalTutor.lastName}, '')), '')`,
  academicTutor: sql<string | null>`nullif(trim(coalesce(${teachers.firstName}, '') || ' ' || coalesce(${teachers.lastName}, '')), '')`,
};

/**
 * The same columns, each aliased by its key and cast to what the driver returns as is (dates as text, amounts
 * as float): the export reads them through a cursor, as raw rows, not through drizzle's mapping.
 */
const exportColumns = Object.fromEntries(
  Object.entries(rowColumns).map(([key, column]) => {
    const cast = key === 'startDate' || key === 'endDate' ? sql`::text` : key === 'gratificationAmount' ? sql`::float8` : sql``;
    return [key, sql`${column}${cast}`.as(key)];
  }),
);

function selectRows<Columns extends Record<string, unknown> = typeof rowColumns>(db: Executor, columns?: Columns) {
  return db
    .select((columns ?? rowColumns) as typeof rowColumns)
    .from(conventions)
    .innerJoin(users, eq(users.id, conventions.studentUserId))
    .innerJoin(programmes, eq(programmes.id, conventions.programmeId))
    .leftJoin(organisations, eq(organisations.id, conventions.organisationId))
    .leftJoin(professionalTutor, eq(professionalTutor.id, conventions.professionalTutorId))
    .leftJoin(teachers, eq(teachers.id, conventions.academicTutorId));
}

/** Every convention of every year for the office: one filter for the page, its count and its CSV export. */
export const internshipDatabaseRepository = {
  /**
   * A page by start date, latest first, and the number that match. `after` (the last row of the page before)
   * continues from there along the index however deep; without it, `offset` rows are skipped in the index
   * before anything is joined.
   */
  async page(db: Executor, filter: InternshipFilter, page: { limit: number; offset: number; after?: InternshipCursor }) {
    const conditions = filterConditions(filter);
    const [{ total }] = await db
      .select({ total: count() })
      .from(conventions)
      .where(and(...conditions));
    const after = page.after;
    if (after)
      conditions.push(
        after.startDate === null
          ? sql`(${conventions.startDate} is not null or ${conventions.id} < ${after.id})`
          : sql`(${conventions.startDate}, ${conventions.id}) < (${after.startDate}::date, ${after.id})`,
      );
    const order = [desc(conventions.startDate), desc(conventions.id)];
    const pageIds = db
      .select({ id: conventions.id })
      .from(conventions)
      .where(and(...conditions))
      .orderBy(...order)
      .limit(page.limit)
      .offset(after ? 0 : page.offset);
    const rows = await selectRows(db)
      .where(inArray(conventions.id, pageIds))
      .orderBy(...order);
    const last = rows[rows.length - 1];
    const next: InternshipCursor | undefined = last && rows.length === page.limit ? { startDate: last.startDate, id: last.id } : undefined;
    return { rows, total: Number(total), next };
  },

  /**
   * Every row of the filter, by id, in one query: what the export declares a cursor for and fetches from in
   * batches (src/services/office/admin/internships.ts), so the whole file costs one plan and one scan.
   */
  exportQuery(db: Executor, filter: InternshipFilter) {
    return selectRows(db, exportColumns)
      .where(and(...filterConditions(filter)))
      .orderBy(asc(conventions.id));
  },

  /** What the statistics of one year are computed from (a year holds a few thousand conventions at most). */
  async statisticsRows(db: Executor, academicYear: string, programmeId?: number) {
    return db
      .select({
        state: conventions.state,
        programmeTitle: programmes.title,
        country: organisations.country,
        headcountBand: organisations.headcountBand,
        gratificationAmount: conventions.gratificationAmount,
        gratificationUnit: conventions.gratificationUnit,
        weeklySchedule: conventions.weeklySchedule,
        totalHours: rowColumns.totalHours,
        startDate: conventions.startDate,
        endDate: conventions.endDate,
      })
      .from(conventions)
      .innerJoin(programmes, eq(programmes.id, conventions.programmeId))
      .leftJoin(organisations, eq(organisations.id, conventions.organisationId))
      .where(
        and(
          eq(conventions.academicYear, academicYear),
          ne(conventions.state, 'draft'),
          programmeId === undefined ? undefined : eq(conventions.programmeId, programmeId),
        ),
      );
  },

  async academicYears(db: Executor): Promise<string[]> {
    return academicYearsInUse(db);
  },

  async programmes(db: Executor) {
    return db.select({ id: programmes.id, title: programmes.title }).from(programmes).orderBy(asc(programmes.title));
  },
};

export type InternshipRow = Awaited<ReturnType<typeof internshipDatabaseRepository.page>>['rows'][number];
