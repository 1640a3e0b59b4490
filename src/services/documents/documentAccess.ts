import { forbidden, notFound } from '../../errors';
import { conventionRepository, type Convention } from '../../models/conventionRepository';
import type { Executor } from '../../models/database';
import { programmeRepository } from '../../models/programmeRepository';

/** Who asks for a document: the session's user and whether they act as the office. */
export interface DocumentViewer {
  userId: number;
  office: boolean;
}

/**
 * A student sees what another student owns as missing (404: not even its existence leaks);
 * staff who are not in the right programme are told they may not (403).
 */
export async function refusalFor(db: Executor, viewer: DocumentViewer): Promise<Error> {
  const staffSomewhere = (await programmeRepository.listForUser(db, viewer.userId, 'staff')).length > 0;
  return staffSomewhere ? forbidden() : notFound();
}

/** The convention if this viewer may read its documents: its student, a staff member of its programme, the office. */
export async function conventionForViewer(db: Executor, viewer: DocumentViewer, conventionId: number): Promise<Convention> {
  const convention = await conventionRepository.findById(db, conventionId);
  if (!convention) throw notFound();
  if (viewer.office || convention.studentUserId === viewer.userId) return convention;
  if (await programmeRepository.hasMembership(db, viewer.userId, convention.programmeId, 'staff')) return convention;
  throw await refusalFor(db, viewer);
}
