import { notFound } from '../../errors';
import type { Executor } from '../../models/database';
import { documentRepository, type StoredDocument } from '../../models/documentRepository';
import type { DocumentViewer } from '../documents/documentAccess';

/** A scan of a convention signed outside Pstage, as the office uploaded it: for the office only. */
export async function signedScanFor(
  db: Executor,
  viewer: DocumentViewer,
  conventionId: number,
  documentId: number,
): Promise<StoredDocument & { bytes: Buffer }> {
  if (!viewer.office) throw notFound();
  const document = await documentRepository.findForConvention(db, documentId, conventionId);
  if (!document?.bytes || document.kind !== 'signed_scan') throw notFound();
  return document as StoredDocument & { bytes: Buffer };
}
