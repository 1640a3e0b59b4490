import { notFound } from '../../errors';
import { conventionRepository, type Convention } from '../../models/conventionRepository';
import type { Executor } from '../../models/database';

/** Who acts on which convention, and the version they saw (optimistic locking). */
export interface OfficeCommand {
  officeUserId: number;
  conventionId: number;
  version: number;
}

export async function conventionOrNotFound(db: Executor, conventionId: number): Promise<Convention> {
  const convention = await conventionRepository.findById(db, conventionId);
  if (!convention) throw notFound();
  return convention;
}

export const studentPath = (conventionId: number) => `/student/conventions/${conventionId}`;
