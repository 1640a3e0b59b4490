import { worthProposing } from '../../domain/organisationDuplicates';
import { auditRepository } from '../../models/auditRepository';
import type { Executor, Transaction } from '../../models/database';
import type { Convention } from '../../models/conventionRepository';
import { organisationRepository, type Organisation, type OrganisationFields } from '../../models/organisationRepository';
import { registerEstablishment, type RegisterContext } from '../register/lookUpRegister';
import type { StudentContext } from './context';
import { editableDraft, hostChanges, notifyUnvalidatedHost, saveDraft, type DraftCommand } from './conventionDraft';

export type HostFields = Omit<OrganisationFields, 'createdBy' | 'source' | 'registerCheckedAt' | 'registerLocked'>;

export type HostCreation =
  | { outcome: 'saved'; convention: Convention; organisation: Organisation; reused: boolean }
  | { outcome: 'closed' }
  | { outcome: 'probableDuplicates'; candidates: Organisation[] };

/**
 * The student's new host. A SIRET Pstage already holds takes that record instead of a second one; a SIRET the
 * register says is closed is refused; records that look like the same host are proposed first, until the student
 * says none of them is theirs (`confirmedNew`). The record is marked found in the register, or entered by hand.
 */
export async function createHost(
  context: StudentContext,
  register: RegisterContext,
  command: DraftCommand,
  fields: HostFields,
  confirmedNew: boolean,
): Promise<HostCreation> {
  const identity = { ...fields, siret: fields.siret ?? null, country: fields.country ?? 'FR' };
  // The register is asked before the transaction: no row stays locked while a remote server thinks.
  const known = fields.siret ? await organisationRepository.findBySiret(context.db, fields.siret) : undefined;
  const found = fields.siret && !known ? await registerEstablishment(register, fields.siret) : undefined;
  if (found && !found.active) return { outcome: 'closed' };
  return context.db.transaction(async (tx) => {
    const convention = await editableDraft(tx, command.userId, command.conventionId);
    const existing = fields.siret ? await organisationRepository.findBySiret(tx, fields.siret) : undefined;
    if (existing) return choose(tx, context, command, convention, existing, true);
    if (!confirmedNew) {
      const nearby = await organisationRepository.sameCompanyOrPlace(tx, identity);
      const candidates = nearby.filter((other) => worthProposing(identity, other));
      if (candidates.length > 0) return { outcome: 'probableDuplicates' as const, candidates: candidates.slice(0, 10) };
    }
    const created = await organisationRepository.createUnlessSiretTaken(tx, {
      ...fields,
      createdBy: command.userId,
      source: found ? 'register' : 'manual',
      registerCheckedAt: found ? register.clock.now() : null,
    });
    // Another student created the same SIRET a moment ago: theirs is the record.
    if (!created) return choose(tx, context, command, convention, (await organisationRepository.findBySiret(tx, fields.siret!))!, true);
    await auditRepository.record(tx, {
      actorUserId: command.userId,
      action: 'organisation.create',
      targetType: 'organisation',
      targetId: created.id,
      details: { source: created.source },
    });
    return choose(tx, context, command, convention, created, false);
  });
}

async function choose(
  tx: Transaction,
  context: StudentContext,
  command: DraftCommand,
  convention: Convention,
  organisation: Organisation,
  reused: boolean,
): Promise<HostCreation> {
  await notifyUnvalidatedHost(tx, context, organisation, command.userId);
  const saved = await saveDraft(tx, convention, command.version, 'organisation', hostChanges(convention, organisation));
  return { outcome: 'saved', convention: saved, organisation, reused };
}

/** The existing hosts a creation was held back for (their ids kept with the form), for the page that proposes them. */
export async function proposedDuplicates(db: Executor, ids: number[]): Promise<Organisation[]> {
  const found = await Promise.all(ids.map((id) => organisationRepository.findById(db, id)));
  return found.filter((organisation): organisation is Organisation => Boolean(organisation));
}
