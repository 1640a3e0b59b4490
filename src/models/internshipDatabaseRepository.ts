import { z } from 'zod';
import { aliasedTable, and, asc, count, desc, eq, gte, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import { conventionCountRepository } from './conventionCountRepository';
import { statisticsCacheRepository } from './statisticsCacheRepository';
import { academicYearsInUse } from './officeQueueRepository';
import { containsSearchable, escapeLike } from './textSearch';
import { signatureParties } from '../domain/signatories';
import type { Executor } from './database';
import { contacts, conventions, organisations, programmes, services, teachers, users, type conventionStateValues } from './schema';

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
  street: organisations.street,
  postalCode: organisations.postalCode,
  city: organisations.city,
  country: organisations.country,
  serviceName: services.name,
  internshipType: conventions.internshipType,
  startDate: conventions.startDate,
  endDate: conventions.endDate,
  totalHours: sql<number | null>`coalesce(${conventions.computedTotalHours}, ${conventions.declaredTotalHours})::float`,
  gratificationAmount: conventions.gratificationAmount,
  gratificationUnit: conventions.gratificationUnit,
  professionalTutor: sql<
    string | null
  >`nullif(trim(coalesce(${professionalTutor.firstName}, '') || ' ' || coalesce(${professionalTutor.lastName}, '')), '')`,
  academicTutor: sql<string | null>`nullif(trim(coalesce(${teachers.firstName}, '') || ' ' || coalesce(${teachers.lastName}, '')), '')`,
  /** Each signature recorded, by party: its day and how it was given (its unique index on convention and party). */
  signatures: sql<SignaturesByParty | null>`(select jsonb_object_agg(s.party, jsonb_build_object('signedAt', s.signed_at::text, 'method', s.method))
    from signatures s where s.convention_id = ${conventions.id})`,
  signedAmendments: sql<number>`(select count(*)::int from amendments a where a.convention_id = ${conventions.id} and a.state = 'signed')`,
};

export type SignaturesByParty = Partial<Record<string, { signedAt: string; method: 'paper' | 'electronic' | 'scan' }>>;

/** Every party whose signature the database shows (the parties', then the dean's). */
const signingParties = [...signatureParties, 'dean'] as const;
const exportSignatures = sql.raw('export_signatures');
const exportAmendments = sql.raw('export_amendments');
const signatureColumn = (party: string, field: 'signed_at' | 'method') => `sig_${party}_${field}`;

/**
 * The same columns, each aliased by its key and cast to what the driver returns as is (dates as text, amounts
 * as float): the export reads them through a cursor, as raw rows, not through drizzle's mapping. The signatures
 * and the amendments come from one grouped pass over each table, joined by convention (a lookup per row would
 * cost 100 000 index probes for the whole file): each party's day and method as plain columns, not a JSON object
 * built per row; `exportRow` gives the row its page's shape back.
 */
const exportColumns = {
  ...Object.fromEntries(
    Object.entries(rowColumns)
      .filter(([key]) => key !== 'signatures' && key !== 'signedAmendments')
      .map(([key, column]) => {
        const cast = key === 'startDate' || key === 'endDate' ? sql`::text` : key === 'gratificationAmount' ? sql`::float8` : sql``;
        return [key, sql`${column}${cast}`.as(key)];
      }),
  ),
  ...Object.fromEntries(
    signingParties.flatMap((party) =>
      (['signed_at', 'method'] as const).map((field) => {
        const name = signatureColumn(party, field);
        return [name, sql`${exportSignatures}.${sql.identifier(name)}`.as(name)];
      }),
    ),
  ),
  signedAmendments: sql`coalesce(${exportAmendments}.signed, 0)`.as('signedAmendments'),
};

/** Each party's signature as a pair of columns, from one pass over the signatures grouped by convention. */
const signaturesByConvention = sql.raw(
  `(select convention_id, ${signingParties
    .map(
      (party) =>
        `max(signed_at::text) filter (where party = '${party}') as ${signatureColumn(party, 'signed_at')}, max(method) filter (where party = '${party}') as ${signatureColumn(party, 'method')}`,
    )
    .join(', ')} from signatures group by convention_id)`,
);

const signatureColumns = signingParties.map(
  (party) => [party, signatureColumn(party, 'signed_at'), signatureColumn(party, 'method')] as const,
);

/** A raw row of the export's cursor given the shape of a page's row (its signatures by party), in place. */
export function exportRow(raw: Record<string, unknown>): InternshipRow {
  let signatures: SignaturesByParty | null = null;
  for (const [party, signedAtColumn, methodColumn] of signatureColumns) {
    const signedAt = raw[signedAtColumn] as string | null;
    if (signedAt === null || signedAt === undefined) continue;
    (signatures ??= {})[party] = { signedAt, method: raw[methodColumn] as 'paper' | 'electronic' | 'scan' };
  }
  raw.signatures = signatures;
  return raw as unknown as InternshipRow;
}

function selectRows<Columns extends Record<string, unknown> = typeof rowColumns>(db: Executor, columns?: Columns) {
  return db
    .select((columns ?? rowColumns) as typeof rowColumns)
    .from(conventions)
    .innerJoin(users, eq(users.id, conventions.studentUserId))
    .innerJoin(programmes, eq(programmes.id, conventions.programmeId))
    .leftJoin(organisations, eq(organisations.id, conventions.organisationId))
    .leftJoin(services, eq(services.id, conventions.serviceId))
    .leftJoin(professionalTutor, eq(professionalTutor.id, conventions.professionalTutorId))
    .leftJoin(teachers, eq(teachers.id, conventions.academicTutorId));
}

/** A page with the cursor of the next one (none after a short page). */
function withNext<Row extends { startDate: string | null; id: number }>(rows: Row[], total: number, limit: number) {
  const last = rows[rows.length - 1];
  const next: InternshipCursor | undefined = last && rows.length === limit ? { startDate: last.startDate, id: last.id } : undefined;
  return { rows, total, next };
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
    const after = page.after;
    const order = [desc(conventions.startDate), desc(conventions.id)];
    if (filter.student || filter.host) {
      // A text filter: its matches gathered once through the trigram indexes (a materialised CTE), counted and
      // sorted from there. Walking the start-date index instead reads every convention when a name is rare.
      const matches = db
        .select({ id: conventions.id, startDate: conventions.startDate })
        .from(conventions)
        .where(and(...conditions));
      const afterCondition = !after
        ? sql`true`
        : after.startDate === null
          ? sql`(start_date is not null or id < ${after.id})`
          : sql`(start_date, id) < (${after.startDate}::date, ${after.id})`;
      const found = (
        (await db.execute(sql`with matches as materialized (${matches})
          select found.id, counted.total from (select count(*)::int as total from matches) counted
          left join lateral (select id, start_date from matches where ${afterCondition}
            order by start_date desc, id desc limit ${page.limit} offset ${after ? 0 : page.offset}) found on true`)) as unknown as {
          rows: { id: number | null; total: number }[];
        }
      ).rows;
      const ids = found.filter((row) => row.id !== null).map((row) => Number(row.id));
      const rows =
        ids.length > 0
          ? await selectRows(db)
              .where(inArray(conventions.id, ids))
              .orderBy(...order)
          : [];
      return withNext(rows, Number(found[0]?.total ?? 0), page.limit);
    }
    const [{ total }] = await internshipDatabaseRepository.countQuery(db, filter);
    const pageIds = internshipDatabaseRepository.pageIdsQuery(db, filter, page);
    const rows = await selectRows(db)
      .where(inArray(conventions.id, pageIds))
      .orderBy(...order);
    return withNext(rows, Number(total), page.limit);
  },

  /**
   * The number of conventions the filter (without a text search) matches: by year, programme and state alone (the
   * page as it opens), from the counts the triggers keep; otherwise from the conventions' indexes.
   */
  countQuery(db: Executor, filter: InternshipFilter) {
    const { academicYear, programmeId, state, ...others } = filter;
    if (Object.values(others).every((value) => value === undefined))
      return conventionCountRepository.totalQuery(db, { academicYear, programmeId, state }, { filedOnly: true });
    return db
      .select({ total: count() })
      .from(conventions)
      .where(and(...filterConditions(filter)));
  },

  /**
   * The ids of a page (without a text search), latest start first: after the cursor, or `offset` entries skipped
   * along the partial index of the filed conventions (`conventions_filed_start`, read alone: no table row visited).
   */
  pageIdsQuery(db: Executor, filter: InternshipFilter, page: { limit: number; offset: number; after?: InternshipCursor }) {
    const conditions = filterConditions(filter);
    const after = page.after;
    if (after)
      conditions.push(
        after.startDate === null
          ? sql`(${conventions.startDate} is not null or ${conventions.id} < ${after.id})`
          : sql`(${conventions.startDate}, ${conventions.id}) < (${after.startDate}::date, ${after.id})`,
      );
    return db
      .select({ id: conventions.id })
      .from(conventions)
      .where(and(...conditions))
      .orderBy(desc(conventions.startDate), desc(conventions.id))
      .limit(page.limit)
      .offset(after ? 0 : page.offset);
  },

  /**
   * Every row of the filter, by id, in one query: what the export declares a cursor for and fetches from in
   * batches (src/services/office/admin/internships.ts), so the whole file costs one plan and one scan.
   */
  exportQuery(db: Executor, filter: InternshipFilter) {
    return selectRows(db, exportColumns)
      .leftJoin(sql`${signaturesByConvention} ${exportSignatures}`, sql`${exportSignatures}.convention_id = ${conventions.id}`)
      .leftJoin(
        sql`(select convention_id, count(*)::int as signed from amendments where state = 'signed' group by convention_id) ${exportAmendments}`,
        sql`${exportAmendments}.convention_id = ${conventions.id}`,
      )
      .where(and(...filterConditions(filter)))
      .orderBy(asc(conventions.id));
  },

  /**
   * The statistics of one year, grouped in the database in one scan of the year's conventions (drafts left out):
   * counts by state (cancelled included), and over the others by programme, country, headcount band and start
   * month, the average hours and weeks, and the gratified ones grouped by what their hourly amount is computed
   * from (amount, unit, schedule, start year), for `computeStatistics` to band against each year's minimum; and
   * the fingerprint of what they were computed from, read in the same statement (`statisticsCacheRepository`).
   */
  async statisticsGroups(
    db: Executor,
    academicYear: string,
    programmeId?: number,
  ): Promise<{ groups: StatisticsGroups; fingerprint: number }> {
    const yearRows = db
      .select({
        state: sql`${conventions.state}`.as('state'),
        programme: sql`${programmes.title}`.as('programme'),
        country: sql`coalesce(${organisations.country}, '')`.as('country'),
        headcountBand: sql`coalesce(${organisations.headcountBand}, '')`.as('headcount_band'),
        startMonth: sql`to_char(${conventions.startDate}, 'YYYY-MM')`.as('start_month'),
        startYear: sql`extract(year from ${conventions.startDate})::int`.as('start_year'),
        amount: sql`${conventions.gratificationAmount}::float8`.as('amount'),
        unit: sql`${conventions.gratificationUnit}`.as('unit'),
        schedule: sql`${conventions.weeklySchedule}`.as('schedule'),
        totalHours: sql`${rowColumns.totalHours}`.as('total_hours'),
        weeks: sql`(${conventions.endDate} - ${conventions.startDate} + 1)::float8 / 7`.as('weeks'),
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
    const noneColumns =
      'null::float8 as amount, null::text as unit, null::jsonb as schedule, null::int as start_year, null::float8 as average_hours, null::float8 as average_weeks';
    const none = sql.raw(noneColumns);
    const counted = (kind: string, label: string) =>
      sql.raw(`select '${kind}' as kind, ${label}::text as label, count(*)::int as n, ${noneColumns}
        from year_rows where state <> 'cancelled' and ${label} is not null group by ${label}`);
    const result = (await db.execute(sql`
      with year_rows as materialized (${yearRows})
      select 'state' as kind, state::text as label, count(*)::int as n, ${none} from year_rows group by state
      union all ${counted('programme', 'programme')}
      union all ${counted('country', 'country')}
      union all ${counted('headcountBand', 'headcount_band')}
      union all ${counted('startMonth', 'start_month')}
      union all select 'gratified', null, count(*)::int, amount, unit, schedule, start_year, null, null from year_rows
        where state <> 'cancelled' and amount > 0 group by amount, unit, schedule, start_year
      union all select 'averages', null, count(*)::int, null, null, null, null,
        avg(total_hours) filter (where total_hours > 0), avg(weeks) filter (where weeks is not null)
        from year_rows where state <> 'cancelled'
      union all select 'fingerprint', ${statisticsCacheRepository.fingerprint(academicYear)}::text, 0, ${none}`)) as unknown as {
      rows: StatisticsGroupRow[];
    };
    const averages = result.rows.find((row) => row.kind === 'averages');
    const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));
    const counts = (kind: string) =>
      result.rows.filter((row) => row.kind === kind).map((row) => ({ label: String(row.label), count: Number(row.n) }));
    const groups: StatisticsGroups = {
      byState: counts('state'),
      byProgramme: counts('programme'),
      byCountry: counts('country'),
      byHeadcountBand: counts('headcountBand'),
      byStartMonth: counts('startMonth'),
      gratified: result.rows
        .filter((row) => row.kind === 'gratified')
        .map((row) => ({
          gratificationAmount: Number(row.amount),
          gratificationUnit: row.unit,
          weeklySchedule: row.schedule,
          startYear: numberOrNull(row.start_year),
          count: Number(row.n),
        })),
      active: Number(averages?.n ?? 0),
      averageHours: numberOrNull(averages?.average_hours),
      averageWeeks: numberOrNull(averages?.average_weeks),
    };
    return { groups, fingerprint: Number(result.rows.find((row) => row.kind === 'fingerprint')?.label ?? 0) };
  },

  async academicYears(db: Executor): Promise<string[]> {
    return academicYearsInUse(db);
  },

  async programmes(db: Executor) {
    return db.select({ id: programmes.id, title: programmes.title }).from(programmes).orderBy(asc(programmes.title));
  },
};

interface StatisticsGroupRow {
  kind: string;
  label: string | null;
  n: number;
  amount: number | null;
  unit: 'hour' | 'month' | null;
  schedule: number[] | null;
  start_year: number | null;
  average_hours: number | null;
  average_weeks: number | null;
}

const labelCounts = z.array(z.object({ label: z.string(), count: z.number() }));

/**
 * What `statisticsGroups` computes and the statistics cache keeps: also read back from the cache through this schema,
 * so figures kept by an earlier version of this shape are computed again instead of shown half-filled.
 */
export const statisticsGroupsSchema = z.object({
  byState: labelCounts,
  byProgramme: labelCounts,
  byCountry: labelCounts,
  byHeadcountBand: labelCounts,
  byStartMonth: labelCounts,
  gratified: z.array(
    z.object({
      gratificationAmount: z.number(),
      gratificationUnit: z.enum(['hour', 'month']).nullable(),
      weeklySchedule: z.array(z.number()).nullable(),
      startYear: z.number().nullable(),
      count: z.number(),
    }),
  ),
  active: z.number(),
  averageHours: z.number().nullable(),
  averageWeeks: z.number().nullable(),
});

export type StatisticsGroups = z.infer<typeof statisticsGroupsSchema>;

export type InternshipRow = Awaited<ReturnType<typeof internshipDatabaseRepository.page>>['rows'][number];
