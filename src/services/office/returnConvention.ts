import { enqueueNotification } from '../../mail/enqueueNotification';
import type { Database } from '../../models/database';
import { userRepository } from '../../models/userRepository';
import { fireConventionEvent } from '../conventions/conventionTransition';
import { lockedConvention, studentPath, type OfficeCommand } from './officeCommand';

/** The office sends a submitted convention back to the student with a reason; it becomes a draft the student edits and submits anew. */
export async function returnConvention(db: Database, command: OfficeCommand & { reason: string }) {
  return db.transaction(async (tx) => {
    const convention = await lockedConvention(tx, command);
    const reason = command.reason.trim();
    const updated = await fireConventionEvent({
      tx, convention, version: command.version, event: { type: 'return', reason }, actor: 'office', actorUserId: command.officeUserId,
    });
    const student = await userRepository.findById(tx, convention.studentUserId);
    await enqueueNotification(tx, {
      template: 'conventionReturned',
      to: { email: student?.email, name: student?.name ?? '', locale: student?.locale },
      data: { reference: updated.reference ?? '', reason, path: studentPath(updated.id) },
      dedupeKey: `conventionReturned:${updated.id}:v${updated.version}`,
    });
    return updated;
  });
}
