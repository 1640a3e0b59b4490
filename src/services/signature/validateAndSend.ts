import type { Clock } from '../../clock';
import type { Config } from '../../config';
import { AppError } from '../../errors';
import type { Database } from '../../models/database';
import type { PdfRenderer } from '../documents/pdfRenderer';
import type { OfficeCommand } from '../office/officeCommand';
import { validateConvention } from '../office/validateConvention';
import { sendForSignature } from './sendForSignature';

/**
 * The office's validation; with SIGNATURE_AUTO_SEND, the convention then goes out for signature at once. Two
 * transactions: a validation stands even if nobody can be sent a link (no e-mail known: paper).
 */
export async function validateAndSend(
  db: Database,
  command: OfficeCommand & { overrideReason: string | null },
  context: { config: Config; clock: Clock; renderer: PdfRenderer },
) {
  const validated = await validateConvention(db, command, context.clock);
  if (!context.config.signature.autoSend) return validated;
  try {
    await sendForSignature(db, { ...command, version: validated.version }, context);
  } catch (error) {
    if (!(error instanceof AppError && error.messageKey === 'signature.error.nothingToSend')) throw error;
  }
  return validated;
}
