import { cumulate, laterCrossings, type CumulationFlag, type HostCumulation } from '../../domain/hostCumulation';
import { stayOf, type HostStay } from '../../domain/hostStay';
import { legalEntityKey } from '../../domain/legalEntity';
import { defaultThresholds, type Thresholds } from '../../domain/thresholds';
import type { Executor } from '../../models/database';
import { hostStayRepository, type StayRow } from '../../models/hostStayRepository';
import { presenceInputOf, type PresenceFields } from './presence';

/** The convention being checked, with the schedule its presence is computed from. */
export interface CumulatedConvention extends PresenceFields {
  id: number;
  reference: string | null;
  studentUserId: number;
  organisationId: number | null;
}

export interface HostRecord {
  siret: string | null;
  country: string;
  postalCode: string;
}

function stayOfConvention(convention: CumulatedConvention | StayRow, host: HostRecord | undefined): HostStay | null {
  const input = presenceInputOf(convention, host);
  return input && stayOf(convention.id, input, convention.reference);
}

/**
 * The convention's presence computed from its calendar and the cumulation with the student's other non-cancelled
 * conventions at the same legal entity (every establishment of one SIREN; abroad, the record and its merged duplicates).
 * Null before the internship step gives dates and a schedule.
 */
export async function hostCumulationFor(
  db: Executor,
  convention: CumulatedConvention,
  host: HostRecord | undefined,
): Promise<{ stay: HostStay; cumulation: HostCumulation }> {
  const stay = stayOfConvention(convention, host);
  if (!stay) throw new RangeError(`Convention ${convention.id} has no dates or schedule to cumulate`);
  if (convention.organisationId === null || !host) return { stay, cumulation: cumulate(stay, []) };
  const entity = legalEntityKey({ organisationId: convention.organisationId, siret: host.siret });
  const others = (await hostStayRepository.listForStudent(db, convention.studentUserId))
    .filter((row) => row.id !== convention.id && legalEntityKey(row) === entity)
    .map((row) => stayOfConvention(row, row)!);
  return { stay, cumulation: cumulate(stay, others) };
}

/**
 * Re-check on read: for each convention, what later conventions of the same student at the same legal entity change
 * (gratification due from its first day, 924 h crossed). Computed from the same cumulation as the rules, so a
 * cancellation, a merge of host records or a corrected SIRET shows at once. One query for all of them.
 */
export async function cumulationFlagsOf(
  db: Executor,
  conventions: readonly { id: number; studentUserId: number }[],
  thresholds: Thresholds = defaultThresholds,
): Promise<Map<number, CumulationFlag[]>> {
  const flags = new Map<number, CumulationFlag[]>();
  const rows = await hostStayRepository.listForStudents(
    db,
    conventions.map((convention) => convention.studentUserId),
  );
  const groups = new Map<string, StayRow[]>();
  for (const row of rows) {
    const key = `${row.studentUserId}/${legalEntityKey(row)}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const wanted = new Set(conventions.map((convention) => convention.id));
  const limits = {
    mandatoryAboveHours: thresholds.gratification.mandatoryAboveHours,
    maxHoursPerHostPerAcademicYear: thresholds.duration.maxHoursPerHostPerAcademicYear,
  };
  for (const group of groups.values()) {
    if (group.length < 2 || !group.some((row) => wanted.has(row.id))) continue;
    const stays = group.map((row) => stayOfConvention(row, row)!);
    for (const stay of stays) {
      if (!wanted.has(stay.id)) continue;
      const found = laterCrossings(
        stay,
        stays.filter((other) => other !== stay),
        limits,
      );
      if (found.length > 0) flags.set(stay.id, found);
    }
  }
  return flags;
}
