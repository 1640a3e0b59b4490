import { notFound } from '../../errors';
import { conventionRepository, type Convention } from '../../models/conventionRepository';
import type { Executor } from '../../models/database';
import { programmeRepository } from '../../models/programmeRepository';

/** Who asks for a document: the session's user and whether they act as the office. */
export interface DocumentViewer {
  userId: number;
  office: boolean;
}

/**
 * The convention if this viewer may read its documents: its student, a staff member of its programme, the office.
 * Anyone else gets the same 404 as for a convention that does not exist: a 403 would tell another programme's
 * staff, or another student, that this id is someone's convention.
 */
export async function conventionForViewer(db: Executor, viewer: DocumentViewer, conventionId: number): Promise<Convention> {
  const convention = await conventionRepository.findById(db, conventionId);
  if (!convention) throw notFound();
  if (viewer.office || convention.studentUserId === viewer.userId) return convention;
  if (await programmeRepository.hasMembership(db, viewer.userId, convention.programmeId, 'staff')) return convention;
  throw notFound();
}
