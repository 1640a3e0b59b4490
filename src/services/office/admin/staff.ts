import { AppError, notFound } from '../../../errors';
import { auditRepository } from '../../../models/auditRepository';
import type { Database, Executor } from '../../../models/database';
import { officeGrantRepository } from '../../../models/officeGrantRepository';
import { officeStaffRepository } from '../../../models/officeStaffRepository';
import { userRepository } from '../../../models/userRepository';

/** Gives the office role to a user Pstage knows; their open sessions get it at once, later launches keep it. */
export async function grantOffice(db: Database, actorUserId: number, userId: number, reason: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await userRepository.findById(tx, userId))) throw notFound();
    if (await officeGrantRepository.isGranted(tx, userId)) throw new AppError(409, 'officeAdmin.staff.alreadyGranted');
    await officeGrantRepository.grant(tx, userId, actorUserId, reason);
    await officeStaffRepository.setOfficeInSessions(tx, userId, true);
    await auditRepository.record(tx, { actorUserId, action: 'office.grant', targetType: 'user', targetId: userId, details: { reason } });
  });
}

/**
 * Takes the grant back; their open sessions lose the office role at once (someone who also has it from an
 * LMS role gets it back at their next launch). Nobody removes the last grant from themselves.
 */
export async function revokeOffice(db: Database, actorUserId: number, userId: number): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await officeGrantRepository.isGranted(tx, userId))) throw notFound();
    if (userId === actorUserId && (await officeStaffRepository.countGrants(tx)) <= 1)
      throw new AppError(409, 'officeAdmin.staff.lastGrant');
    await officeGrantRepository.revoke(tx, userId);
    await officeStaffRepository.setOfficeInSessions(tx, userId, false);
    await auditRepository.record(tx, { actorUserId, action: 'office.revoke', targetType: 'user', targetId: userId });
  });
}

/** The office's staff page: who holds the office role, and the users a search for `query` finds to grant it. */
export async function officeStaffPage(db: Executor, query: string) {
  const [grants, found] = await Promise.all([
    officeStaffRepository.listGrants(db),
    query ? officeStaffRepository.searchUsers(db, query) : Promise.resolve([]),
  ]);
  return { grants, found };
}
