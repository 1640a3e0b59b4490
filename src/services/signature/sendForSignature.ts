import { AppError } from '../../errors';
import type { Database } from '../../models/database';
import { auditRepository } from '../../models/auditRepository';
import { storedFinalPdf } from '../documents/conventionPdf';
import type { PdfRenderer } from '../documents/pdfRenderer';
import { lockedConvention, type OfficeCommand } from '../office/officeCommand';
import { requestSignatures, type CircuitContext } from './requestSignatures';

/**
 * The office sends a validated convention for signature: the final PDF is fixed (the one every signatory will
 * see and whose hash each signature records), then every signatory whose turn it is gets their personal link.
 * Sending again reaches only those who have neither signed nor an open link (after a refusal, an expiry).
 */
export async function sendForSignature(db: Database, command: OfficeCommand, context: CircuitContext & { renderer: PdfRenderer }) {
  return db.transaction(async (tx) => {
    const convention = await lockedConvention(tx, command);
    if (convention.state !== 'validated' && convention.state !== 'signed_by_parties')
      throw new AppError(409, 'signature.error.notValidated');
    await storedFinalPdf(
      tx,
      convention,
      context.config.institution,
      `convention-${convention.reference ?? convention.id}.pdf`,
      context.renderer,
    );
    const sent = await requestSignatures(tx, convention, context, command.officeUserId);
    if (sent.length === 0) throw new AppError(409, 'signature.error.nothingToSend');
    await auditRepository.record(tx, {
      actorUserId: command.officeUserId,
      action: 'signature.sent',
      targetType: 'convention',
      targetId: convention.id,
      details: { parties: sent },
    });
    return sent;
  });
}
