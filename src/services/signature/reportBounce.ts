import { isLinkOpen } from '../../domain/signatureCircuit';
import { AppError } from '../../errors';
import { auditRepository } from '../../models/auditRepository';
import type { Database } from '../../models/database';
import { outboxRepository } from '../../models/outboxRepository';
import { signatureRequestRepository } from '../../models/signatureRequestRepository';
import { lockedConvention, type OfficeCommand } from '../office/officeCommand';
import type { CircuitContext } from './requestSignatures';

/**
 * A bounce that came back after the SMTP server had accepted the mail (Pstage reads no mailbox): the office, who
 * received it, records it on the signatory's request. The request's mails show as not delivered, on the convention
 * and the failed deliveries, until the office corrects the address (which opens a new request). Audited.
 */
export async function reportBounce(
  db: Database,
  command: OfficeCommand & { requestId: number; note: string },
  context: Pick<CircuitContext, 'clock'>,
) {
  return db.transaction(async (tx) => {
    const convention = await lockedConvention(tx, command);
    const request = (await signatureRequestRepository.listForConvention(tx, convention.id)).find((row) => row.id === command.requestId);
    if (!request || !isLinkOpen(request, context.clock.now())) throw new AppError(409, 'signature.error.notPending');
    const marked = await outboxRepository.markSignatureMailsBounced(tx, request.id, `Bounce: ${command.note}`);
    if (marked === 0) throw new AppError(409, 'signature.bounce.errors.nothingSent');
    await auditRepository.record(tx, {
      actorUserId: command.officeUserId,
      action: 'signature.bounce_reported',
      targetType: 'convention',
      targetId: convention.id,
      details: { party: request.party, email: request.email, note: command.note },
    });
    return convention;
  });
}
