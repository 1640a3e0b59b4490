import type { Clock } from '../../clock';
import type { SignatureParty } from '../../domain/workflow';
import type { Convention } from '../../models/conventionRepository';
import type { Database, Transaction } from '../../models/database';
import { signatureRepository } from '../../models/signatureRepository';
import { signatureRequestRepository } from '../../models/signatureRequestRepository';
import { requestSignatures, type CircuitContext } from '../signature/requestSignatures';
import { fireConventionEvent } from '../conventions/conventionTransition';
import { checkSignatureDate } from './fieldError';
import { lockedConvention, type OfficeCommand } from './officeCommand';
import { signatureFacts, validatedOn } from './signatureFacts';

export interface SignatureRecord {
  party: SignatureParty;
  /** The day the signed original was received, 'YYYY-MM-DD'. */
  signedAt: string;
  method: 'paper' | 'electronic';
}

/** One party's signature; the workflow moves the convention to signed_by_parties with the last one it needs. */
export async function recordSignature(
  db: Database,
  command: OfficeCommand & SignatureRecord,
  clock: Clock,
  /** Given, a paper signature during the electronic circuit counts in it: the dean's link goes out after the last party. */
  circuit?: Pick<CircuitContext, 'config'>,
) {
  return db.transaction(async (tx) => {
    const convention = await lockedConvention(tx, command);
    if (convention.state === 'validated') checkSignatureDate(command.signedAt, clock.today(), await validatedOn(tx, convention.id));
    const updated = await recordPartySignature(tx, convention, command, command.officeUserId, clock);
    if (circuit && (await signatureRequestRepository.listForConvention(tx, updated.id)).length > 0)
      await requestSignatures(tx, updated, { config: circuit.config, clock }, command.officeUserId);
    return updated;
  });
}

/**
 * A signature the office records (paper, scan, outside Pstage), in the caller's transaction: the workflow's
 * event and history, the signature row, and that party's personal link revoked (it no longer asks for anything).
 */
export async function recordPartySignature(
  tx: Transaction,
  convention: Convention,
  record: { party: SignatureParty; signedAt: string; method: 'paper' | 'electronic' | 'scan'; documentId?: number },
  officeUserId: number,
  clock: Clock,
): Promise<Convention> {
  const { signedParties, minorStudent } = await signatureFacts(tx, convention);
  const updated = await fireConventionEvent({
    tx,
    convention,
    version: convention.version,
    event: { type: 'record_signature', party: record.party },
    actor: 'office',
    actorUserId: officeUserId,
    at: clock.now(),
    facts: { signedParties, minorStudent },
  });
  await signatureRepository.create(tx, {
    conventionId: convention.id,
    party: record.party,
    signedAt: record.signedAt,
    method: record.method,
    recordedBy: officeUserId,
    documentId: record.documentId ?? null,
  });
  await signatureRequestRepository.revokePending(tx, updated.id, clock.now(), record.party);
  return updated;
}
