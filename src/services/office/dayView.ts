import { addDays } from '../../domain/calendarDate';
import { signatureParties } from '../../domain/signatories';
import type { Executor } from '../../models/database';
import { conventionRepository } from '../../models/conventionRepository';
import { dayCountCap, officeDayRepository } from '../../models/officeDayRepository';
import { signatureFacts } from './signatureFacts';

export const dayKinds = ['toControl', 'hostsToValidate', 'certificatesToCheck', 'signaturesOverdue', 'startingSoon'] as const;
export type DayKind = (typeof dayKinds)[number];

/** The lists the dashboard's counters open that no other page shows. */
export const dayLists = ['certificates', 'signatures'] as const;
export type DayList = (typeof dayLists)[number];

export const dayListPageSize = 50;

export interface DayContext {
  today: string;
  now: Date;
  /** A signatory's link unsigned for longer than this is overdue (the reminder delay). */
  overdueAfterDays: number;
  /** Conventions starting within this many days (or started) without being complete. */
  withinDays: number;
}

const overdueSince = (context: Pick<DayContext, 'now' | 'overdueAfterDays'>) =>
  new Date(context.now.getTime() - context.overdueAfterDays * 24 * 60 * 60 * 1000);

/**
 * "What do I do today": one counter per kind of work, each with the list it opens. Counters stop at
 * `dayCountCap` (shown as "more than"), so the page costs the same with ten conventions or a hundred thousand.
 */
export async function officeDayView(db: Executor, context: DayContext) {
  const lastDay = addDays(context.today, context.withinDays);
  const counts: Record<DayKind, number> = await officeDayRepository.counts(db, overdueSince(context), lastDay);
  const hrefs: Record<DayKind, string> = {
    toControl: '/office/conventions?state=submitted',
    hostsToValidate: '/office/organisations#review-title',
    certificatesToCheck: '/office/today/certificates',
    signaturesOverdue: '/office/today/signatures',
    startingSoon: `/office?within=${context.withinDays}#starting-soon`,
  };
  return {
    dayItems: dayKinds.map((kind) => ({ kind, count: counts[kind], capped: counts[kind] > dayCountCap, href: hrefs[kind] })),
    dayCountCap,
    overdueAfterDays: context.overdueAfterDays,
  };
}

/** One page of a counter's list, with the number of rows behind it (capped). */
export async function officeDayList(db: Executor, list: DayList, context: Pick<DayContext, 'now' | 'overdueAfterDays'>, page: number) {
  const window = { limit: dayListPageSize, offset: (page - 1) * dayListPageSize };
  const since = overdueSince(context);
  const rows =
    list === 'certificates'
      ? await officeDayRepository.listCertificatesToCheck(db, window)
      : await Promise.all(
          (await officeDayRepository.listSignaturesOverdue(db, since, window)).map(async (row) =>
            row.method === 'paper'
              ? { ...row, parties: await awaitedOnPaper(db, row.conventionId) }
              : { ...row, parties: inSigningOrder(row.parties) },
          ),
        );
  const total = await officeDayRepository.countRows(db, list, since);
  return { rows, total, capped: total > dayCountCap, dayCountCap };
}

const signingOrder: readonly string[] = [...signatureParties, 'dean'];
const inSigningOrder = (parties: string[] = []) => [...parties].sort((a, b) => signingOrder.indexOf(a) - signingOrder.indexOf(b));

/** Who a convention awaited on paper still waits for: the parties who have not signed, else the dean. */
async function awaitedOnPaper(db: Executor, conventionId: number): Promise<string[]> {
  const convention = await conventionRepository.findById(db, conventionId);
  if (!convention) return [];
  const facts = await signatureFacts(db, convention);
  const unsigned = facts.parties.filter((party) => !facts.signedParties.includes(party));
  return unsigned.length > 0 ? unsigned : facts.deanSignatureRecorded ? [] : ['dean'];
}
