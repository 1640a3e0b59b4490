import { notFound } from '../../errors';
import type { Database } from '../../models/database';
import { generatedDocumentRepository } from '../../models/generatedDocumentRepository';
import { conventionForViewer, type DocumentViewer } from '../documents/documentAccess';

/** The sealed convention (signed by every signatory), for the office and the student. */
export async function signedConventionPdfFor(db: Database, viewer: DocumentViewer, conventionId: number) {
  const convention = await conventionForViewer(db, viewer, conventionId);
  const stored = await generatedDocumentRepository.findForConvention(db, convention.id, 'signed_convention_pdf');
  if (!stored?.bytes) throw notFound();
  return { bytes: stored.bytes, filename: stored.filename, sha256: stored.sha256, final: true };
}
