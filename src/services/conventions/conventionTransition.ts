import { decideConvention, type Actor, type ConventionEvent, type ConventionFacts } from '../../domain/workflow';
import { AppError } from '../../errors';
import { holdAt } from '../../holdPoints';
import { auditRepository } from '../../models/auditRepository';
import { conventionRepository, type Convention, type ConventionChanges } from '../../models/conventionRepository';
import type { Transaction } from '../../models/database';
import { enqueueProgressUpdate } from '../progress/enqueueProgressUpdate';

export interface ConventionTransition {
  tx: Transaction;
  convention: Convention;
  /** The version the user saw: another change since then is a conflict (409), never overwritten. */
  version: number;
  event: ConventionEvent;
  actor: Actor;
  /** null: a signatory outside Pstage, signing from their personal link. */
  actorUserId: number | null;
  changes?: ConventionChanges;
  facts?: Partial<ConventionFacts>;
  /** Written in the history row; defaults to the event's reason (return, cancel) or override reason. */
  reason?: string | null;
  /** When it happened, from the application's clock (the history row's time; the validation day is read from it). */
  at: Date;
}

/**
 * Every change of a convention's state goes through here: decided by the pure workflow, written with its
 * history row, audit entry and LMS post-back in the caller's transaction. Mails are the caller's to queue.
 */
export async function fireConventionEvent({
  tx,
  convention,
  version,
  event,
  actor,
  actorUserId,
  changes = {},
  facts = {},
  reason,
  at,
}: ConventionTransition): Promise<Convention> {
  const decision = decideConvention(convention.state, event, actor, facts);
  if (!decision.ok) throw new AppError(409, decision.error, decision.params);
  const updated = await conventionRepository.update(tx, convention.id, version, { ...changes, state: decision.to });
  const eventReason = reason ?? ('reason' in event ? event.reason : 'overrideReason' in event ? event.overrideReason : undefined) ?? null;
  await conventionRepository.addEvent(tx, {
    conventionId: convention.id,
    actorUserId,
    actorRole: actor,
    event: event.type,
    fromState: convention.state,
    toState: decision.to,
    reason: eventReason,
    party: 'party' in event ? event.party : null,
    at,
  });
  await auditRepository.record(tx, {
    actorUserId,
    action: `convention.${event.type}`,
    targetType: 'convention',
    targetId: convention.id,
    details: {
      ...(eventReason ? { reason: eventReason } : {}),
      ...('party' in event ? { party: event.party } : {}),
      fromState: convention.state,
      toState: decision.to,
    },
  });
  if (updated.state !== convention.state) {
    await enqueueProgressUpdate(tx, { studentUserId: convention.studentUserId, programmeId: convention.programmeId });
  }
  await holdAt(tx, `convention.${event.type}`);
  return updated;
}
