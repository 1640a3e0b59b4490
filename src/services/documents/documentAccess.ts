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
 * Who holds a personal link (the host's space): no account, the link proved they are a party to this one
 * convention, and only its documents are theirs.
 */
export interface PersonalLinkViewer {
  personalLinkFor: number;
}

export const personalLinkViewer = (conventionId: number): PersonalLinkViewer => ({ personalLinkFor: conventionId });

/** Whoever may ask for a convention's documents. */
export type ConventionViewer = DocumentViewer | PersonalLinkViewer;

/**
 * The convention if this viewer may read its documents: its student, a staff member of its programme, the office,
 * the holder of a personal link to it.
 * Anyone else gets the same 404 as for a convention that does not exist: a 403 would tell another programme's
 * staff, or another student, that this id is someone's convention.
 */
export async function conventionForViewer(db: Executor, viewer: ConventionViewer, conventionId: number): Promise<Convention> {
  if ('personalLinkFor' in viewer && viewer.personalLinkFor !== conventionId) throw notFound();
  const convention = await conventionRepository.findById(db, conventionId);
  if (!convention) throw notFound();
  if ('personalLinkFor' in viewer) return convention;
  if (viewer.office || convention.studentUserId === viewer.userId) return convention;
  if (await programmeRepository.hasMembership(db, viewer.userId, convention.programmeId, 'staff')) return convention;
  throw notFound();
}
