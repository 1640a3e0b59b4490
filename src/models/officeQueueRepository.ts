import { and, asc, count, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { conventionCountRepository } from './conventionCountRepository';
import type { Executor } from './database';
import { containsSearchable } from './textSearch';
import { conventionEvents, conventions, conventionStateValues, organisations, programmes, subjects, users } from './schema';

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
  chosenTutorId: conventions.academicTutorId,
  legalFindings: conventions.legalFindings,
  returned,
};

/** Beyond this many hosts, the queue's host filter is no longer a list of them all (see `filterOptions`). */
export const hostListLimit = 300;

/**
 * The academic years some convention uses, latest first: one probe of the year index per year (a loose index
 * scan), not a `distinct` over the table.
 */
export async function academicYearsInUse(db: Executor): Promise<string[]> {
  const result = (await db.execute(sql`
    with recursive years(value) as (
      (select academic_year from conventions order by academic_year desc limit 1)
      union all
      select (select academic_year from conventions where academic_year < years.value order by academic_year desc limit 1)
      from years where years.value is not null
    )
    select value from years where value is not null`)) as unknown as { rows: { value: string }[] };
  return result.rows.map((row) => row.value);
}

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

/**
 * The conventions whose student (snapshot names or number, LMS name or number) or host (name, SIRET) matches, as
 * one bitmap scan of conventions: the trigram index on the snapshot's normalised column, OR the student and host
 * ids found first by their own indexes (`= any(array(…))` keeps each an index lookup, never a join over the
 * table). The snapshot's column also holds the names last-first and the number: a superset of the former
 * first-last match and number equality.
 */
export function searchCondition(term: string): SQL {
  const pattern = containsSearchable(term);
  const digits = term.replace(/\s/g, '');
  return sql`(${conventions.studentSearch} like ${pattern}
    or ${conventions.studentUserId} = any(array(select id from users where search_name like ${pattern} or student_number = ${term}))
    or ${conventions.organisationId} = any(array(select id from organisations where search_name like ${pattern} or siret = ${digits})))`;
}

function whereOf(filters: QueueFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.academicYear) conditions.push(eq(conventions.academicYear, filters.academicYear));
  if (filters.programmeId) conditions.push(eq(conventions.programmeId, filters.programmeId));
  if (filters.state === 'returned') conditions.push(and(eq(conventions.state, 'draft'), returned)!);
  else if (filters.state) conditions.push(eq(conventions.state, filters.state));
  if (filters.organisationId) conditions.push(eq(conventions.organisationId, filters.organisationId));
  if (filters.country)
    conditions.push(sql`${conventions.organisationId} in (select id from organisations where country = ${filters.country})`);
  if (filters.startFrom) conditions.push(gte(conventions.startDate, filters.startFrom));
  if (filters.startTo) conditions.push(lte(conventions.startDate, filters.startTo));
  if (filters.search) conditions.push(searchCondition(filters.search));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

export const officeQueueRepository = {
  /**
   * A page of conventions, by start date (undated drafts last), and the number that match. Every condition is on
   * the conventions' own columns (joined tables through subqueries): the count reads conventions alone (or the kept
   * counts, see `countQuery`), and the page is taken from the start-date index before anything is joined.
   */
  async list(db: Executor, filters: QueueFilters, page: { limit: number; offset: number }): Promise<{ rows: QueueRow[]; total: number }> {
    const order = [sql`${conventions.startDate} asc nulls last`, asc(conventions.id)];
    if (filters.search) {
      // A search reads every match anyway (to sort them): the count comes with the page's ids, in the same scan.
      const matches = (
        (await db.execute(officeQueueRepository.searchPageQuery(db, filters, page))) as unknown as {
          rows: { id: number; total: number }[];
        }
      ).rows.map((match) => ({ id: Number(match.id), total: Number(match.total) }));
      if (matches.length > 0 || page.offset === 0) {
        const ids = matches.map((match) => match.id);
        const rows = ids.length > 0 ? await selectQueue(db, inArray(conventions.id, ids)).orderBy(...order) : [];
        return { rows, total: matches[0]?.total ?? 0 };
      }
    }
    const rows = await selectQueue(db, inArray(conventions.id, officeQueueRepository.pageIdsQuery(db, filters, page))).orderBy(...order);
    const [{ total }] = await officeQueueRepository.countQuery(db, filters);
    return { rows, total: Number(total) };
  },

  /**
   * The number of conventions the filters (without a text search) match: by year, programme and state alone (the
   * queue as it opens), from the counts the triggers keep; otherwise from the conventions' indexes.
   */
  countQuery(db: Executor, filters: QueueFilters) {
    const { academicYear, programmeId, state, ...others } = filters;
    if (state !== 'returned' && Object.values(others).every((value) => value === undefined))
      return conventionCountRepository.totalQuery(db, { academicYear, programmeId, state }, { filedOnly: false });
    return db.select({ total: count() }).from(conventions).where(whereOf(filters));
  },

  /**
   * A search's page of ids and the number of matches. The matches are gathered first, as one bitmap scan of the
   * search's indexes (a materialised CTE), then sorted: left to itself, the planner underestimates a common name's
   * matches and walks the whole start-date index instead, testing each of 100 000 rows against the matching ids.
   */
  searchPageQuery(db: Executor, filters: QueueFilters, page: { limit: number; offset: number }): SQL {
    const matches = db.select({ id: conventions.id, startDate: conventions.startDate }).from(conventions).where(whereOf(filters));
    return sql`with matches as materialized (${matches})
      select id, (count(*) over ())::int as total from matches
      order by start_date asc nulls last, id limit ${page.limit} offset ${page.offset}`;
  },

  /** The ids of a page, in order: what `list` joins the rest to (and what the plan test explains). */
  pageIdsQuery(db: Executor, filters: QueueFilters, page: { limit: number; offset: number }) {
    return db
      .select({ id: conventions.id })
      .from(conventions)
      .where(whereOf(filters))
      .orderBy(sql`${conventions.startDate} asc nulls last`, asc(conventions.id))
      .limit(page.limit)
      .offset(page.offset);
  },

  /**
   * Not complete, not cancelled, and starting on or before `lastDay` (past starts included). One branch per open
   * state, each read in order from the (state, start date) index, merged: years of complete conventions are never read.
   */
  async listStartingBy(db: Executor, lastDay: string, limit = 100): Promise<QueueRow[]> {
    const open = conventionStateValues.filter((state) => state !== 'complete' && state !== 'cancelled');
    const branches = open.map(
      (state) =>
        sql`(select id, start_date from conventions where state = ${state} and start_date <= ${lastDay} order by start_date, id limit ${limit})`,
    );
    const ids = sql`select id from (${sql.join(branches, sql` union all `)}) open_conventions order by start_date, id limit ${limit}`;
    return selectQueue(db, sql`${conventions.id} in (${ids})`)
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
    // The states from the counts the triggers keep (a few hundred rows, not every convention); the returned drafts
    // from the partial index of 'return' events (a few per draft), not a lookup per convention.
    const result = (await db.execute(sql`
      ${conventionCountRepository.byStateQuery(db)}
      union all
      select 'returned', count(*)::int from ${conventions} where ${conventions.state} = 'draft'
        and ${conventions.id} in (select ${conventionEvents.conventionId} from ${conventionEvents} where ${conventionEvents.event} = 'return')`)) as unknown as {
      rows: { state: QueueState; total: number }[];
    };
    for (const row of result.rows) counts[row.state] = Number(row.total);
    return counts;
  },

  /**
   * The values the filters offer, from small tables or indexes, never a `distinct` over the conventions: the
   * academic years by a walk down their index, the programmes, the countries of the hosts. The host list is
   * offered whole only while it is short; beyond `hostListLimit` hosts the search box finds a host by name or
   * SIRET, and the list holds the host the filter names.
   */
  async filterOptions(db: Executor, selectedHostId?: number) {
    // The years and the countries by a walk down their index (a few dozen probes each), and whether the hosts are
    // fewer than hostListLimit (counting at most hostListLimit + 1 rows costs nothing): one statement for the three.
    const found = (
      (await db.execute(sql`
        with recursive years(value) as (
          (select academic_year from conventions order by academic_year desc limit 1)
          union all
          select (select academic_year from conventions where academic_year < years.value order by academic_year desc limit 1)
          from years where years.value is not null
        ), countries(value) as (
          (select country from organisations order by country limit 1)
          union all
          select (select country from organisations where country > countries.value order by country limit 1)
          from countries where countries.value is not null
        )
        select (select coalesce(json_agg(value order by value desc), '[]') from years where value is not null) as years,
          (select coalesce(json_agg(value order by value), '[]') from countries where value is not null) as countries,
          (select count(*)::int from (select 1 from organisations limit ${hostListLimit + 1}) some_hosts) as host_count`)) as unknown as {
        rows: { years: string[] | string; countries: string[] | string; host_count: number }[];
      }
    ).rows[0];
    const list = (value: string[] | string): string[] => (typeof value === 'string' ? (JSON.parse(value) as string[]) : value);
    const academicYears = list(found.years);
    const countries = list(found.countries);
    const hostCount = Number(found.host_count);
    const programmeRows = await db.select({ id: programmes.id, title: programmes.title }).from(programmes).orderBy(asc(programmes.title));
    const hostColumns = { id: organisations.id, name: organisations.name };
    const hosts =
      hostCount <= hostListLimit
        ? await db.select(hostColumns).from(organisations).orderBy(asc(organisations.name), asc(organisations.id))
        : selectedHostId
          ? await db.select(hostColumns).from(organisations).where(eq(organisations.id, selectedHostId))
          : [];
    return {
      academicYears,
      programmes: programmeRows,
      hosts,
      countries,
    };
  },
};
