import type { Signatory } from '../../domain/signatories';
import { AppError } from '../../errors';
import type { Convention } from '../../models/conventionRepository';
import type { Database, Transaction } from '../../models/database';
import { auditRepository } from '../../models/auditRepository';
import { storedFinalPdf } from '../documents/conventionPdf';
import type { PdfRenderer } from '../documents/pdfRenderer';
import { lockedConvention, type OfficeCommand } from '../office/officeCommand';
import { requestSignatures, type CircuitContext } from './requestSignatures';

export type SendingContext = CircuitContext & { renderer: PdfRenderer };

/**
 * The office sends a validated convention for signature: the final PDF is fixed (the one every signatory will
 * see and whose hash each signature records), then every signatory whose turn it is gets their personal link.
 * Sending again reaches only those who have neither signed nor an open link (after a refusal, an expiry).
 */
export async function sendForSignature(db: Database, command: OfficeCommand, context: SendingContext) {
  return db.transaction(async (tx) => {
    const convention = await lockedConvention(tx, command);
    if (convention.state !== 'validated' && convention.state !== 'signed_by_parties')
      throw new AppError(409, 'signature.error.notValidated');
    const sent = await sendToSignatories(tx, convention, context, command.officeUserId);
    if (sent.length === 0) throw new AppError(409, 'signature.error.nothingToSend');
    return sent;
  });
}

/** In the caller's transaction: the final PDF fixed, the links of those whose turn it is mailed, the sending audited. */
export async function sendToSignatories(
  tx: Transaction,
  convention: Convention,
  context: SendingContext,
  officeUserId: number,
): Promise<Signatory[]> {
  await storedFinalPdf(
    tx,
    convention,
    context.config.institution,
    `convention-${convention.reference ?? convention.id}.pdf`,
    context.renderer,
  );
  const sent = await requestSignatures(tx, convention, context, officeUserId);
  if (sent.length > 0)
    await auditRepository.record(tx, {
      actorUserId: officeUserId,
      action: 'signature.sent',
      targetType: 'convention',
      targetId: convention.id,
      details: { parties: sent },
    });
  return sent;
}
