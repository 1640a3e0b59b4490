import { notFound } from '../../errors';
import type { Executor } from '../../models/database';
import type { StoredDocument } from '../../models/documentRepository';
import { generatedDocumentRepository } from '../../models/generatedDocumentRepository';
import type { DocumentViewer } from './documentAccess';

/** A civil-liability certificate as uploaded: for the student who uploaded it and for the office who checks it. */
export async function certificateFor(
  db: Executor,
  viewer: DocumentViewer,
  documentId: number,
): Promise<StoredDocument & { bytes: Buffer }> {
  const document = await generatedDocumentRepository.findCertificate(db, documentId);
  if (!document?.bytes) throw notFound();
  // Anyone but its owner and the office is told it does not exist, exactly as for a missing one.
  if (!viewer.office && document.ownerUserId !== viewer.userId) throw notFound();
  return document as StoredDocument & { bytes: Buffer };
}
