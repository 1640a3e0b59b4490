import { and, asc, eq, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from './database';
import {
  conventionEvents,
  conventions,
  conventionStateValues,
  documents,
  organisations,
  signatureRequests,
  signatures,
  users,
} from './schema';

/** A counter stops at this many rows ("more than 999"): the dashboard never reads a whole table to count. */
export const dayCountCap = 999;

/** The certificate the office has to check: one the student uploaded, not decided yet, on a convention still open to it. */
const certificateToCheck = and(
  eq(documents.kind, 'civil_liability'),
  eq(documents.status, 'submitted'),
  isNotNull(documents.conventionId),
  inArray(conventions.state, ['submitted', 'validated', 'signed_by_parties']),
);

/**
 * Conventions whose signatures are awaited on paper, validated before `since`: still waiting for a party
 * (validated) or for the dean (signed by the parties, no dean's signature), with no personal link pending (a
 * pending link is an electronic signature, counted by its sending date). From the (state, start date) index,
 * each one's last validation and links through their convention indexes.
 */
const paperAwaitedSince = (since: Date) => sql`(${conventions.state} = 'validated'
    or (${conventions.state} = 'signed_by_parties' and not exists (select 1 from ${signatures}
      where ${signatures.conventionId} = ${conventions.id} and ${signatures.party} = 'dean')))
  and not exists (select 1 from ${signatureRequests} where ${signatureRequests.conventionId} = ${conventions.id}
    and ${signatureRequests.status} = 'pending')
  and (select max(${conventionEvents.at}) from ${conventionEvents}
    where ${conventionEvents.conventionId} = ${conventions.id} and ${conventionEvents.event} = 'validate') < ${since.toISOString()}`;

const electronicOverdue = (sentBefore: Date) => and(eq(signatureRequests.status, 'pending'), lt(signatureRequests.sentAt, sentBefore));

/**
 * Every signature awaited for too long, one row per pending link (electronic) and one per convention awaited on
 * paper, oldest first.
 */
const overdueRows = (sentBefore: Date) => sql`
  select ${conventions.id} as "conventionId", ${conventions.reference} as reference, ${users.name} as "studentName",
    ${organisations.name} as "organisationName", ${signatureRequests.sentAt} as since, ${signatureRequests.party} as party,
    'electronic' as method, ${signatureRequests.id} as tiebreak
  from ${signatureRequests} join ${conventions} on ${conventions.id} = ${signatureRequests.conventionId}
    join ${users} on ${users.id} = ${conventions.studentUserId}
    left join ${organisations} on ${organisations.id} = ${conventions.organisationId}
  where ${electronicOverdue(sentBefore)}
  union all
  select ${conventions.id}, ${conventions.reference}, ${users.name}, ${organisations.name},
    (select max(${conventionEvents.at}) from ${conventionEvents}
      where ${conventionEvents.conventionId} = ${conventions.id} and ${conventionEvents.event} = 'validate'),
    null, 'paper', -${conventions.id}
  from ${conventions} join ${users} on ${users.id} = ${conventions.studentUserId}
    left join ${organisations} on ${organisations.id} = ${conventions.organisationId}
  where ${paperAwaitedSince(sentBefore)}`;

const openStates = conventionStateValues.filter((state) => state !== 'complete' && state !== 'cancelled');

/** `count(*)` of at most `dayCountCap + 1` rows of the subquery. */
async function cappedCount(db: Executor, rows: SQL): Promise<number> {
  const result = (await db.execute(sql`select count(*)::int as total from (${rows} limit ${dayCountCap + 1}) capped`)) as unknown as {
    rows: { total: number }[];
  };
  return Number(result.rows[0].total);
}

/** '{a,b}' as a driver that does not parse arrays of text returns it. */
const parsePostgresArray = (text: string): string[] => (text === '{}' ? [] : text.slice(1, -1).split(','));

export interface DayRow {
  conventionId: number;
  reference: string | null;
  studentName: string;
  organisationName: string | null;
  /** The certificate's upload, or the signature request's sending. */
  since: Date;
  /** Signatures overdue: the parties of its overdue links; none for a convention awaited on paper (see awaitedOnPaper). */
  parties?: string[];
  /** Signatures overdue: by personal links, or on paper (recorded by the office when the originals come back). */
  method?: 'electronic' | 'paper';
}

const rowColumns = {
  conventionId: conventions.id,
  reference: conventions.reference,
  studentName: users.name,
  organisationName: organisations.name,
};

/**
 * What the office has to do today, read through partial indexes that hold only the rows still to deal with
 * (migration 0019): each counter and each list costs what remains to do, not the size of the tables.
 */
export const officeDayRepository = {
  /**
   * The rows each counter counts (at most `dayCountCap + 1` of them): conventions submitted, from the (state, start
   * date) index; hosts not validated and certificates not decided, from their partial indexes; conventions with a
   * link sent before `sentBefore` still unsigned; open conventions starting by `lastDay`, one branch per open state.
   */
  countQueries(sentBefore: Date, lastDay: string) {
    return {
      toControl: sql`select 1 from ${conventions} where ${conventions.state} = 'submitted'`,
      hostsToValidate: sql`select 1 from ${organisations} where ${organisations.validated} = false`,
      certificatesToCheck: sql`select 1 from ${documents} join ${conventions} on ${conventions.id} = ${documents.conventionId} where ${certificateToCheck}`,
      // Two disjoint sets (a convention awaited on paper has no pending link): `union all` lets the cap stop the
      // paper branch after the first rows instead of reading and deduplicating every one.
      signaturesOverdue: sql`(select distinct ${signatureRequests.conventionId} from ${signatureRequests}
        where ${signatureRequests.status} = 'pending' and ${signatureRequests.sentAt} < ${sentBefore.toISOString()})
        union all select ${conventions.id} from ${conventions} where ${paperAwaitedSince(sentBefore)}`,
      ...Object.fromEntries(
        openStates.map((state) => [
          `starting:${state}`,
          sql`select 1 from ${conventions} where ${conventions.state} = ${state} and ${conventions.startDate} <= ${lastDay}`,
        ]),
      ),
    } as Record<string, SQL>;
  },

  countCertificatesToCheck(db: Executor): Promise<number> {
    return cappedCount(db, officeDayRepository.countQueries(new Date(0), '').certificatesToCheck);
  },

  /**
   * Each counter, capped; 'startingSoon' adds up the open states' branches. One statement for them all (each
   * counter a scalar subquery): one round trip instead of one per counter.
   */
  async counts(db: Executor, sentBefore: Date, lastDay: string) {
    const queries = officeDayRepository.countQueries(sentBefore, lastDay);
    const names = Object.keys(queries);
    const columns = names.map(
      (name, index) =>
        sql`(select count(*)::int from (${queries[name]} limit ${dayCountCap + 1}) ${sql.raw(`capped_${index}`)}) as ${sql.raw(`c${index}`)}`,
    );
    const result = (await db.execute(sql`select ${sql.join(columns, sql`, `)}`)) as unknown as { rows: Record<string, number>[] };
    const count = (name: string) => Number(result.rows[0][`c${names.indexOf(name)}`]);
    const startingSoon = openStates.reduce((total, state) => total + count(`starting:${state}`), 0);
    return {
      toControl: count('toControl'),
      hostsToValidate: count('hostsToValidate'),
      certificatesToCheck: count('certificatesToCheck'),
      signaturesOverdue: count('signaturesOverdue'),
      startingSoon: Math.min(startingSoon, dayCountCap + 1),
    };
  },

  /** The certificates to check, oldest upload first. */
  listCertificatesToCheck(db: Executor, page: { limit: number; offset: number }): Promise<DayRow[]> {
    return db
      .select({ ...rowColumns, since: documents.createdAt })
      .from(documents)
      .innerJoin(conventions, eq(conventions.id, documents.conventionId))
      .innerJoin(users, eq(users.id, conventions.studentUserId))
      .leftJoin(organisations, eq(organisations.id, conventions.organisationId))
      .where(certificateToCheck)
      .orderBy(asc(documents.createdAt), asc(documents.id))
      .limit(page.limit)
      .offset(page.offset);
  },

  /**
   * One row per convention the counter counts: its unsigned links sent before `sentBefore` (their parties, the
   * oldest sending), or its signatures awaited on paper since a validation before it; the oldest first.
   */
  async listSignaturesOverdue(db: Executor, sentBefore: Date, page: { limit: number; offset: number }): Promise<DayRow[]> {
    const result = (await db.execute(
      sql`select "conventionId", reference, "studentName", "organisationName", min(since) as since, max(method) as method,
          coalesce(array_agg(party order by party) filter (where party is not null), '{}') as parties
        from (${overdueRows(sentBefore)}) overdue group by "conventionId", reference, "studentName", "organisationName"
        order by min(since), "conventionId" limit ${page.limit} offset ${page.offset}`,
    )) as unknown as { rows: (Omit<DayRow, 'since'> & { since: Date | string; parties: string[] | string })[] };
    return result.rows.map(({ conventionId, reference, studentName, organisationName, since, parties, method }) => ({
      conventionId: Number(conventionId),
      reference,
      studentName,
      organisationName,
      since: new Date(since),
      parties: Array.isArray(parties) ? parties : parsePostgresArray(parties),
      method,
    }));
  },

  /** Rows behind a list, capped as the counters are. */
  async countRows(db: Executor, kind: 'certificates' | 'signatures', sentBefore: Date): Promise<number> {
    if (kind === 'certificates') return officeDayRepository.countCertificatesToCheck(db);
    // The counter's own query: the list says the figure its card shows.
    return cappedCount(db, officeDayRepository.countQueries(sentBefore, '').signaturesOverdue);
  },
};
