import { aliasedTable, and, asc, count, desc, eq, gt, gte, like, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { containsSearchable, escapeLike, unaccentedContains } from './textSearch';
import type { Executor } from './database';
import { contacts, conventions, organisations, programmes, teachers, users, type conventionStateValues } from './schema';

export type ConventionState = (typeof conventionStateValues)[number];

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
  if (filter.country) conditions.push(eq(organisations.country, filter.country.toUpperCase()));
  if (filter.host) {
    const pattern = `%${escapeLike(filter.host.replace(/\s/g, ''))}%`;
    conditions.push(or(like(organisations.searchName, containsSearchable(filter.host)), like(organisations.siret, pattern))!);
  }
  if (filter.gratified === true) conditions.push(gratifiedCondition);
  if (filter.gratified === false) conditions.push(sql`not (${gratifiedCondition})`);
  if (filter.startFrom) conditions.push(gte(conventions.startDate, filter.startFrom));
  if (filter.startTo) conditions.push(lte(conventions.startDate, filter.startTo));
  if (filter.student) {
    const pattern = `%${escapeLike(filter.student)}%`;
    conditions.push(
      or(
        unaccentedContains(
          sql`(coalesce(${studentField('firstName')}, '') || ' ' || coalesce(${studentField('lastName')}, ''))`,
          filter.student,
        ),
        unaccentedContains(
          sql`(coalesce(${studentField('lastName')}, '') || ' ' || coalesce(${studentField('firstName')}, ''))`,
          filter.student,
        ),
        sql`${studentField('studentNumber')} ilike ${pattern}`,
        unaccentedContains(sql`${users.name}`, filter.student),
      )!,
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

function selectRows(db: Executor) {
  return db
    .select(rowColumns)
    .from(conventions)
    .innerJoin(users, eq(users.id, conventions.studentUserId))
    .innerJoin(programmes, eq(programmes.id, conventions.programmeId))
    .leftJoin(organisations, eq(organisations.id, conventions.organisationId))
    .leftJoin(professionalTutor, eq(professionalTutor.id, conventions.professionalTutorId))
    .leftJoin(teachers, eq(teachers.id, conventions.academicTutorId));
}

/** Every convention of every year for the office: one filter for the page, its count and its CSV export. */
export const internshipDatabaseRepository = {
  async page(db: Executor, filter: InternshipFilter, page: { limit: number; offset: number }) {
    const where = and(...filterConditions(filter));
    const [{ total }] = await db
      .select({ total: count() })
      .from(conventions)
      .innerJoin(users, eq(users.id, conventions.studentUserId))
      .leftJoin(organisations, eq(organisations.id, conventions.organisationId))
      .where(where);
    const rows = await selectRows(db)
      .where(where)
      .orderBy(desc(conventions.startDate), desc(conventions.id))
      .limit(page.limit)
      .offset(page.offset);
    return { rows, total: Number(total) };
  },

  /** The next `limit` rows after `afterId`, by id: the export reads a few hundred at a time, never the whole table. */
  async batchAfter(db: Executor, filter: InternshipFilter, afterId: number, limit: number) {
    return selectRows(db)
      .where(and(...filterConditions(filter), gt(conventions.id, afterId)))
      .orderBy(asc(conventions.id))
      .limit(limit);
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
    const rows = await db.selectDistinct({ year: conventions.academicYear }).from(conventions).orderBy(desc(conventions.academicYear));
    return rows.map((row) => row.year);
  },

  async programmes(db: Executor) {
    return db.select({ id: programmes.id, title: programmes.title }).from(programmes).orderBy(asc(programmes.title));
  },
};

export type InternshipRow = Awaited<ReturnType<typeof internshipDatabaseRepository.batchAfter>>[number];
