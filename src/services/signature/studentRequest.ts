import type { Clock } from '../../clock';
import { isLinkOpen } from '../../domain/signatureCircuit';
import type { Executor } from '../../models/database';
import { signatureRequestRepository } from '../../models/signatureRequestRepository';

/** The student's open request on their convention: they sign from their space, not from a link. */
export async function pendingStudentRequest(db: Executor, conventionId: number, clock: Clock) {
  const requests = await signatureRequestRepository.listForConvention(db, conventionId);
  return requests.find((request) => request.party === 'student' && isLinkOpen(request, clock.now())) ?? null;
}
