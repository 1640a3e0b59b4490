import { AppError, notFound } from '../../../errors';
import { auditRepository } from '../../../models/auditRepository';
import type { Database } from '../../../models/database';
import { organisationAdminRepository } from '../../../models/organisationAdminRepository';
import { organisationRepository, type Organisation } from '../../../models/organisationRepository';
import { RegisterUnavailable, type RegisterEstablishment } from '../../register/establishment';
import { searchRegister, type RegisterContext } from '../../register/lookUpRegister';

/** What the register knows of a host; the rest (phone, e-mail, website, sector) stays the office's. */
const registerFields = ['name', 'street', 'postalCode', 'city', 'naf', 'legalStatus', 'headcountBand'] as const;

export interface HostChange {
  field: (typeof registerFields)[number];
  before: string;
  after: string;
}

export type HostRefresh =
  | { outcome: 'updated' | 'unchanged' | 'locked'; changes: HostChange[] }
  | { outcome: 'closed'; changes: HostChange[] }
  | { outcome: 'notFound' | 'noSiret' | 'off' | 'rateLimited' | 'unavailable'; changes: [] };

function changesOf(organisation: Organisation, establishment: RegisterEstablishment): HostChange[] {
  return registerFields
    .map((field) => ({ field, before: String(organisation[field] ?? ''), after: String(establishment[field] ?? '') }))
    .filter((change) => change.after !== '' && change.after.toUpperCase() !== change.before.toUpperCase());
}

/**
 * Compares a host with the register now (not with a cached answer) and shows what differs. The differences are
 * applied, audited, unless the office locked the record or the register says the establishment closed: then the
 * office only sees them.
 */
export async function refreshHost(
  db: Database,
  register: RegisterContext,
  actorUserId: number,
  id: number,
  version: number,
): Promise<HostRefresh> {
  const organisation = await organisationRepository.findById(db, id);
  if (!organisation) throw notFound();
  if (!register.source) return { outcome: 'off', changes: [] };
  if (!organisation.siret) return { outcome: 'noSiret', changes: [] };
  let establishment: RegisterEstablishment | undefined;
  try {
    [establishment] = await searchRegister(register, { kind: 'siret', siret: organisation.siret }, true);
  } catch (error) {
    if (error instanceof RegisterUnavailable) return { outcome: error.reason, changes: [] };
    throw error;
  }
  if (!establishment) return { outcome: 'notFound', changes: [] };
  const changes = changesOf(organisation, establishment);
  if (!establishment.active) return { outcome: 'closed', changes };
  if (organisation.registerLocked) return { outcome: 'locked', changes };
  return db.transaction(async (tx) => {
    const applied = Object.fromEntries(changes.map((change) => [change.field, change.after]));
    const updated = await organisationAdminRepository.refresh(tx, id, version, applied, register.clock.now());
    if (!updated) throw new AppError(409, 'errors.conflict');
    await auditRepository.record(tx, {
      actorUserId,
      action: 'organisation.refresh',
      targetType: 'organisation',
      targetId: id,
      details: { changes },
    });
    return { outcome: changes.length > 0 ? ('updated' as const) : ('unchanged' as const), changes };
  });
}

/** The office locks a record it corrected on purpose (or unlocks it): refreshes then only show the differences. */
export async function lockHost(db: Database, actorUserId: number, id: number, version: number, locked: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await organisationAdminRepository.setRegisterLocked(tx, id, version, locked))) throw new AppError(409, 'errors.conflict');
    await auditRepository.record(tx, {
      actorUserId,
      action: locked ? 'organisation.lock' : 'organisation.unlock',
      targetType: 'organisation',
      targetId: id,
    });
  });
}
