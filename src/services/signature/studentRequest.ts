import type { Clock } from '../../clock';
import { isLinkOpen } from '../../domain/signatureCircuit';
import { AppError, notFound } from '../../errors';
import { amendmentRepository, type Amendment } from '../../models/amendmentRepository';
import { conventionRepository, type Convention } from '../../models/conventionRepository';
import type { Executor } from '../../models/database';
import { generatedDocumentRepository } from '../../models/generatedDocumentRepository';
import { signatureRequestRepository, type SignatureRequest } from '../../models/signatureRequestRepository';

/** The student acting on their own convention (or one of its amendments, by number) from their Pstage space (LTI session). */
export interface StudentRequestCommand {
  studentUserId: number;
  conventionId: number;
  amendmentNumber?: number;
}

export interface StudentRequest {
  request: SignatureRequest;
  convention: Convention;
  /** Set when the request is for an amendment: its PDF, fixed when it was sent, is the one signed. */
  amendment?: Amendment;
  pdf: { sha256: string };
}

const ownStudentRequest = (requests: SignatureRequest[], clock: Clock) =>
  requests.find((row) => row.party === 'student' && isLinkOpen(row, clock.now()));

/**
 * The student's own open request on their convention or amendment, with the PDF it signs: what their space's
 * signature forms act on. Someone else's convention is "not found"; no open request is "your signature is not awaited".
 */
export async function openStudentRequest(db: Executor, command: StudentRequestCommand, clock: Clock): Promise<StudentRequest> {
  const convention = await conventionRepository.findById(db, command.conventionId);
  if (!convention || convention.studentUserId !== command.studentUserId) throw notFound();
  if (command.amendmentNumber !== undefined) {
    const amendment = await amendmentRepository.findByNumber(db, convention.id, command.amendmentNumber);
    if (!amendment) throw notFound();
    const request = ownStudentRequest(await signatureRequestRepository.listForAmendment(db, amendment.id), clock);
    if (!request || amendment.state !== 'validated' || !amendment.signaturePdfSha256) throw new AppError(409, 'signature.error.notAwaited');
    return { request, convention, amendment, pdf: { sha256: amendment.signaturePdfSha256 } };
  }
  const request = ownStudentRequest(await signatureRequestRepository.listForConvention(db, convention.id), clock);
  const pdf = await generatedDocumentRepository.findForConvention(db, convention.id, 'convention_pdf');
  if (!request || convention.state !== 'validated' || !pdf) throw new AppError(409, 'signature.error.notAwaited');
  return { request, convention, pdf };
}

/** What the student's page shows of the circuit: their own open request (they sign from their space) and the sealed PDF. */
export async function studentSignatureView(db: Executor, conventionId: number, clock: Clock) {
  const requests = await signatureRequestRepository.listForConvention(db, conventionId);
  return {
    signatureRequest: ownStudentRequest(requests, clock) ?? null,
    signedPdf: Boolean(await generatedDocumentRepository.findForConvention(db, conventionId, 'signed_convention_pdf')),
  };
}
