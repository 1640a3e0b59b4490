import { missingSignatures } from '../../domain/workflow';
import { AppError } from '../../errors';
import type { Database } from '../../models/database';
import { signatureRepository } from '../../models/signatureRepository';
import type { CircuitContext } from '../signature/requestSignatures';
import { completeConvention } from '../conventions/completeConvention';
import { checkSignatureDate } from './fieldError';
import { lockedConvention, type OfficeCommand } from './officeCommand';
import { signatureFacts, validatedOn } from './signatureFacts';

/**
 * The last control: every party has signed and the certificate is accepted, then the office records the
 * dean's signature and the convention is complete (completeConvention: the mails, the seal).
 */
export async function recordDeanSignature(db: Database, command: OfficeCommand & { signedAt: string }, context: CircuitContext) {
  const { clock } = context;
  return db.transaction(async (tx) => {
    const convention = await lockedConvention(tx, command);
    const facts = await signatureFacts(tx, convention);
    // Still validated: the workflow would only say "not possible now"; the office needs to know what is missing.
    const missing = missingSignatures(facts);
    if (convention.state === 'validated' && missing.length > 0)
      throw new AppError(409, 'workflow.error.signaturesMissing', { count: missing.length, parties: missing.join(',') });
    if (convention.state === 'signed_by_parties') checkSignatureDate(command.signedAt, clock.today(), await validatedOn(tx, convention.id));
    // The dean may have signed from their link before the certificate was accepted: that signature stands. In any
    // other state the workflow refuses the final check below, and the row goes with the transaction.
    if (!facts.deanSignatureRecorded)
      await signatureRepository.create(tx, {
        conventionId: convention.id,
        party: 'dean',
        signedAt: command.signedAt,
        method: 'paper',
        recordedBy: command.officeUserId,
      });
    return completeConvention({ tx, convention, actor: 'office', actorUserId: command.officeUserId, context });
  });
}
