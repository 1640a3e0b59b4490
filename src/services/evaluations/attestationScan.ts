import { notFound } from '../../errors';
import type { Executor } from '../../models/database';
import { documentRepository, type StoredDocument } from '../../models/documentRepository';
import { hostAttestationRepository } from '../../models/evaluationRepository';
import { conventionForViewer, type ConventionViewer } from '../documents/documentAccess';

/** The attestation the host signed on paper and uploaded: for whoever may read the convention's documents. */
export async function attestationScanFor(
  db: Executor,
  viewer: ConventionViewer,
  conventionId: number,
): Promise<StoredDocument & { bytes: Buffer; final: boolean }> {
  const convention = await conventionForViewer(db, viewer, conventionId);
  const attestation = await hostAttestationRepository.find(db, convention.id);
  if (!attestation?.scanDocumentId) throw notFound();
  const document = await documentRepository.findForConvention(db, attestation.scanDocumentId, convention.id);
  if (!document?.bytes || document.kind !== 'signed_attestation_scan') throw notFound();
  return { ...(document as StoredDocument & { bytes: Buffer }), final: true };
}
