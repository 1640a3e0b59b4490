import type { Clock } from '../../clock';
import { isLinkOpen } from '../../domain/signatureCircuit';
import { AppError, notFound } from '../../errors';
import { conventionRepository } from '../../models/conventionRepository';
import type { Executor } from '../../models/database';
import { generatedDocumentRepository } from '../../models/generatedDocumentRepository';
import { signatureRequestRepository } from '../../models/signatureRequestRepository';

/** The student acting on their own convention from their Pstage space (LTI session). */
export interface StudentRequestCommand {
  studentUserId: number;
  conventionId: number;
}

/**
 * The student's own open request on their convention, with the validated PDF it signs: what their space's signature
 * form acts on. Someone else's convention is "not found"; no open request is "your signature is not awaited".
 */
export async function openStudentRequest(db: Executor, command: StudentRequestCommand, clock: Clock) {
  const convention = await conventionRepository.findById(db, command.conventionId);
  if (!convention || convention.studentUserId !== command.studentUserId) throw notFound();
  const request = (await signatureRequestRepository.listForConvention(db, convention.id)).find(
    (row) => row.party === 'student' && isLinkOpen(row, clock.now()),
  );
  const pdf = await generatedDocumentRepository.findForConvention(db, convention.id, 'convention_pdf');
  if (!request || convention.state !== 'validated' || !pdf) throw new AppError(409, 'signature.error.notAwaited');
  return { request, convention, pdf };
}

/** What the student's page shows of the circuit: their own open request (they sign from their space) and the sealed PDF. */
export async function studentSignatureView(db: Executor, conventionId: number, clock: Clock) {
  const requests = await signatureRequestRepository.listForConvention(db, conventionId);
  return {
    signatureRequest: requests.find((request) => request.party === 'student' && isLinkOpen(request, clock.now())) ?? null,
    signedPdf: Boolean(await generatedDocumentRepository.findForConvention(db, conventionId, 'signed_convention_pdf')),
  };
}
