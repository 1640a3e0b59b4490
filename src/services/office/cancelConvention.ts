import { enqueueNotification } from '../../mail/enqueueNotification';
import type { Database } from '../../models/database';
import { userRepository } from '../../models/userRepository';
import { fireConventionEvent } from '../conventions/conventionTransition';
import { lockedConvention, studentPath, type OfficeCommand } from './officeCommand';

/** The office cancels a convention at any state before complete, with a reason the student reads. */
export async function cancelConvention(db: Database, command: OfficeCommand & { reason: string }) {
  return db.transaction(async (tx) => {
    const convention = await lockedConvention(tx, command);
    const reason = command.reason.trim();
    const updated = await fireConventionEvent({
      tx, convention, version: command.version, event: { type: 'cancel', reason }, actor: 'office', actorUserId: command.officeUserId,
    });
    const student = await userRepository.findById(tx, convention.studentUserId);
    await enqueueNotification(tx, {
      template: 'conventionCancelled',
      to: { email: student?.email, name: student?.name ?? '', locale: student?.locale },
      data: { reference: updated.reference ?? '', reason, path: studentPath(updated.id) },
      dedupeKey: `conventionCancelled:${updated.id}:v${updated.version}`,
    });
    return updated;
  });
}
