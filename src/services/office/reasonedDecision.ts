import type { Clock } from '../../clock';
import { enqueueNotification } from '../../mail/enqueueNotification';
import type { Database } from '../../models/database';
import { userRepository } from '../../models/userRepository';
import { fireConventionEvent } from '../conventions/conventionTransition';
import { lockedConvention, studentPath, type OfficeCommand } from './officeCommand';

/** An office decision that needs a written reason, which the student reads in the mail and in the history. */
export async function reasonedDecision(
  db: Database,
  command: OfficeCommand & { reason: string },
  decision: { event: 'return' | 'cancel'; template: 'conventionReturned' | 'conventionCancelled' },
  clock: Clock,
) {
  return db.transaction(async (tx) => {
    const convention = await lockedConvention(tx, command);
    const reason = command.reason.trim();
    const updated = await fireConventionEvent({
      tx,
      convention,
      version: command.version,
      event: { type: decision.event, reason },
      actor: 'office',
      actorUserId: command.officeUserId,
      at: clock.now(),
    });
    const student = await userRepository.findById(tx, convention.studentUserId);
    await enqueueNotification(tx, {
      template: decision.template,
      to: { email: student?.email, name: student?.name ?? '', locale: student?.locale },
      data: { reference: updated.reference ?? '', reason, path: studentPath(updated.id) },
      dedupeKey: `${decision.template}:${updated.id}:v${updated.version}`,
    });
    return updated;
  });
}
