import type { Clock } from '../../clock';
import type { SignatureParty } from '../../domain/workflow';
import type { Database } from '../../models/database';
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
    const { signedParties, minorStudent } = await signatureFacts(tx, convention);
    if (convention.state === 'validated') checkSignatureDate(command.signedAt, clock.today(), await validatedOn(tx, convention.id));
    const updated = await fireConventionEvent({
      tx,
      convention,
      version: command.version,
      event: { type: 'record_signature', party: command.party },
      actor: 'office',
      actorUserId: command.officeUserId,
      at: clock.now(),
      facts: { signedParties, minorStudent },
    });
    await signatureRepository.create(tx, {
      conventionId: convention.id,
      party: command.party,
      signedAt: command.signedAt,
      method: command.method,
      recordedBy: command.officeUserId,
    });
    // Signed on paper: that party's personal link, if any, no longer asks for anything.
    await signatureRequestRepository.revokePending(tx, updated.id, clock.now(), command.party);
    if (circuit && (await signatureRequestRepository.listForConvention(tx, updated.id)).length > 0)
      await requestSignatures(tx, updated, { config: circuit.config, clock }, command.officeUserId);
    return updated;
  });
}
