import { AppError } from '../../errors';
import type { Database } from '../../models/database';
import type { CircuitContext } from '../signature/requestSignatures';
import { sendAmendmentForSignature } from './amendmentCircuit';
import { validateAmendment, type AmendmentCommand } from './decideAmendment';
import type { AmendmentContext } from './requestAmendment';

/**
 * The office's validation of an amendment; with SIGNATURE_AUTO_SEND it then goes out for electronic signature at
 * once, as a convention does (validateConvention), but in two transactions: the validation stands even if nobody can be sent
 * a link (no e-mail known: paper).
 */
export async function validateAndSendAmendment(
  db: Database,
  command: AmendmentCommand & { overrideReason: string | null },
  context: CircuitContext & AmendmentContext,
) {
  const validated = await validateAmendment(db, command, context);
  if (!context.config.signature.autoSend) return validated;
  try {
    // The validation moved the convention to the next version (conventionRepository.update).
    await sendAmendmentForSignature(db, { ...command, version: command.version + 1 }, context);
  } catch (error) {
    if (!(error instanceof AppError && error.messageKey === 'signature.error.nothingToSend')) throw error;
  }
  return validated;
}
