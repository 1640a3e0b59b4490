import { isLinkOpen } from '../../domain/signatureCircuit';
import { conventionRepository } from '../../models/conventionRepository';
import type { Database } from '../../models/database';
import { auditRepository } from '../../models/auditRepository';
import { signatureRequestRepository } from '../../models/signatureRequestRepository';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import { openRequest } from './requestSignatures';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Reminds the signatories whose link has waited SIGNATURE_REMINDER_DAYS (3 by default) unsigned, at most once a day: only the hash of a link is kept, so a reminder carries a new link
 * (the old one revoked, the expiry unchanged). One transaction per reminder.
 */
export async function enqueueSignatureReminders(db: Database, options: { config: Config; now: Date }): Promise<number> {
  const { now } = options;
  const due = await signatureRequestRepository.listToRemind(
    db,
    new Date(now.getTime() - options.config.signature.reminderAfterDays * DAY_MS),
    new Date(now.getTime() - DAY_MS),
  );
  const clock: Clock = { now: () => now, today: () => now.toISOString().slice(0, 10) };
  let reminded = 0;
  for (const old of due) {
    if (old.party === 'student' || !isLinkOpen(old, now)) continue;
    const sent = await db.transaction(async (tx) => {
      const convention = await conventionRepository.findById(tx, old.conventionId);
      if (!convention || !['validated', 'signed_by_parties'].includes(convention.state)) return false;
      if (!(await signatureRequestRepository.revoke(tx, old.id, now))) return false;
      const replacement = await openRequest(tx, convention, old, { config: options.config, clock }, null, {
        reminder: true,
        expiresAt: old.expiresAt,
      });
      await signatureRequestRepository.markReminded(tx, replacement.id, now);
      await auditRepository.record(tx, {
        actorUserId: null,
        action: 'signature.reminded',
        targetType: 'convention',
        targetId: convention.id,
        details: { party: old.party, email: old.email },
      });
      return true;
    });
    if (sent) reminded += 1;
  }
  return reminded;
}
