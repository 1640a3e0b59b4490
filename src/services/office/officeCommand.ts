import { AppError, notFound } from '../../errors';
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

/**
 * The convention the office acts on, as long as it is still the version the user saw: a change made meanwhile
 * is a conflict ("reload"), said before the workflow judges an action on a state the user never saw.
 */
export async function lockedConvention(db: Executor, command: OfficeCommand): Promise<Convention> {
  const convention = await conventionOrNotFound(db, command.conventionId);
  if (convention.version !== command.version) throw new AppError(409, 'errors.conflict');
  return convention;
}

export const studentPath = (conventionId: number) => `/student/conventions/${conventionId}`;
