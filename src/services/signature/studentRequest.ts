import type { Clock } from '../../clock';
import { isLinkOpen } from '../../domain/signatureCircuit';
import type { Executor } from '../../models/database';
import { generatedDocumentRepository } from '../../models/generatedDocumentRepository';
import { signatureRequestRepository } from '../../models/signatureRequestRepository';

/** What the student's page shows of the circuit: their own open request (they sign from their space) and the sealed PDF. */
export async function studentSignatureView(db: Executor, conventionId: number, clock: Clock) {
  const requests = await signatureRequestRepository.listForConvention(db, conventionId);
  return {
    signatureRequest: requests.find((request) => request.party === 'student' && isLinkOpen(request, clock.now())) ?? null,
    signedPdf: Boolean(await generatedDocumentRepository.findForConvention(db, conventionId, 'signed_convention_pdf')),
  };
}
