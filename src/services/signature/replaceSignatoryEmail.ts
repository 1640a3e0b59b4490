import { AppError } from '../../errors';
import { auditRepository } from '../../models/auditRepository';
import type { Database } from '../../models/database';
import { signatureRequestRepository } from '../../models/signatureRequestRepository';
import { isLinkOpen } from '../../domain/signatureCircuit';
import { lockedConvention, type OfficeCommand } from '../office/officeCommand';
import { openRequest, type CircuitContext } from './requestSignatures';

/**
 * The office corrects a signatory's e-mail during the circuit: the old link stops working at once, a new one
 * goes to the new address, and the change is audited (who, from which address to which).
 */
export async function replaceSignatoryEmail(
  db: Database,
  command: OfficeCommand & { requestId: number; email: string },
  context: CircuitContext,
) {
  return db.transaction(async (tx) => {
    const convention = await lockedConvention(tx, command);
    const requests = await signatureRequestRepository.listForConvention(tx, convention.id);
    const old = requests.find((request) => request.id === command.requestId);
    if (!old || !isLinkOpen(old, context.clock.now())) throw new AppError(409, 'signature.error.notPending');
    await signatureRequestRepository.revoke(tx, old.id, context.clock.now());
    const replacement = await openRequest(
      tx,
      convention,
      { party: old.party, name: old.name, email: command.email },
      context,
      command.officeUserId,
    );
    await auditRepository.record(tx, {
      actorUserId: command.officeUserId,
      action: 'signature.emailReplaced',
      targetType: 'convention',
      targetId: convention.id,
      details: { party: old.party, from: old.email, to: command.email },
    });
    return replacement;
  });
}
