import { isAmendable } from '../../domain/amendment';
import { isLinkOpen } from '../../domain/signatureCircuit';
import { amendmentRepository } from '../../models/amendmentRepository';
import { conventionRepository } from '../../models/conventionRepository';
import type { Database, Executor } from '../../models/database';
import { auditRepository } from '../../models/auditRepository';
import { signatureRequestRepository } from '../../models/signatureRequestRepository';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import { openRequest } from './requestSignatures';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What the link signs, if it still awaits signatures: the convention (validated, or signed by the parties for the
 * dean), or the amendment it names (validated, neither in force nor refused, of a convention not cancelled).
 * Null: nothing to remind.
 */
async function awaitedDocument(tx: Executor, request: { conventionId: number; amendmentId: number | null }) {
  const convention = await conventionRepository.findById(tx, request.conventionId);
  if (!convention) return null;
  if (request.amendmentId === null)
    return ['validated', 'signed_by_parties'].includes(convention.state) ? { convention, amendment: undefined } : null;
  const found = await amendmentRepository.findById(tx, request.amendmentId);
  const amendment = found && (await amendmentRepository.lockByNumber(tx, found.conventionId, found.number));
  return amendment?.state === 'validated' && isAmendable(convention.state)
    ? { convention, amendment: { id: amendment.id, number: amendment.number } }
    : null;
}

/**
 * Reminds the signatories (of a convention or of an amendment) whose link has waited SIGNATURE_REMINDER_DAYS (3 by default) unsigned, at most once a day: only the hash of a link is kept, so a reminder carries a new link
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
      const awaited = await awaitedDocument(tx, old);
      if (!awaited) return false;
      const { convention } = awaited;
      if (!(await signatureRequestRepository.revoke(tx, old.id, now))) return false;
      const replacement = await openRequest(
        tx,
        convention,
        old,
        { config: options.config, clock },
        null,
        { reminder: true, expiresAt: old.expiresAt },
        awaited.amendment,
      );
      await signatureRequestRepository.markReminded(tx, replacement.id, now);
      await auditRepository.record(tx, {
        actorUserId: null,
        action: 'signature.reminded',
        targetType: 'convention',
        targetId: convention.id,
        details: { party: old.party, email: old.email, ...(awaited.amendment ? { amendment: awaited.amendment.number } : {}) },
      });
      return true;
    });
    if (sent) reminded += 1;
  }
  return reminded;
}
