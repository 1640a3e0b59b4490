import { AppError } from '../../../errors';
import { auditRepository } from '../../../models/auditRepository';
import type { Database } from '../../../models/database';
import { outboxRepository, type OutboxMessage } from '../../../models/outboxRepository';
import { signatureRequestRepository } from '../../../models/signatureRequestRepository';
import { programmeRepository } from '../../../models/programmeRepository';
import { userRepository } from '../../../models/userRepository';

export interface DeliveryLine {
  id: number;
  kind: 'mail' | 'ags';
  status: string;
  /** A mail's recipient and template, or the student whose LMS progress was to be posted: nothing else of the payload. */
  recipient: string;
  subject: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  createdAt: Date;
  /** A signatory's personal-link or code mail: the convention page where the office corrects the address. */
  fixPath?: string;
}

async function describe(db: Database, message: OutboxMessage): Promise<DeliveryLine> {
  const payload = message.payload as {
    to?: { email?: string; name?: string };
    template?: string;
    data?: { signatureRequestId?: number };
    studentUserId?: number;
    conventionReference?: string | null;
  };
  const base = {
    id: message.id,
    kind: message.kind,
    status: message.status,
    attempts: message.attempts,
    lastError: message.lastError,
    nextAttemptAt: message.nextAttemptAt,
    createdAt: message.createdAt,
  };
  if (message.kind === 'mail') {
    const requestId = payload.data?.signatureRequestId;
    const request = typeof requestId === 'number' ? await signatureRequestRepository.findById(db, requestId) : undefined;
    return {
      ...base,
      ...(request?.status === 'pending' ? { fixPath: `/office/conventions/${request.conventionId}#signature-requests` } : {}),
      recipient: [payload.to?.name, payload.to?.email && `<${payload.to.email}>`].filter(Boolean).join(' '),
      subject: payload.template ?? '',
    };
  }
  const student = payload.studentUserId ? await userRepository.findById(db, payload.studentUserId) : undefined;
  return { ...base, recipient: student?.name ?? String(payload.studentUserId ?? ''), subject: payload.conventionReference ?? '' };
}

export async function failingDeliveries(db: Database): Promise<DeliveryLine[]> {
  const messages = await outboxRepository.listFailing(db);
  return Promise.all(messages.map((message) => describe(db, message)));
}

export interface SkippedPostBacks {
  programmeTitle: string;
  count: number;
  latest: Date;
}

/**
 * Programmes whose course launch gave no AGS endpoint (grade sync off in the LMS), with the post-backs that had
 * nowhere to go. A programme that has one now is left out: its students' next change posts their whole state.
 */
export async function skippedPostBacks(db: Database): Promise<SkippedPostBacks[]> {
  const lines: SkippedPostBacks[] = [];
  for (const skipped of await outboxRepository.skippedPostBacksByProgramme(db)) {
    const programme = await programmeRepository.findById(db, skipped.programmeId);
    if (!programme || programme.lineItemsUrl || programme.lineItemUrl) continue;
    lines.push({ programmeTitle: programme.title, count: skipped.count, latest: skipped.latest });
  }
  return lines;
}

/**
 * "Retry now": a message given up goes back in the queue with its attempts reset; a message still being
 * retried becomes due at once instead of after its backoff. Anything else (sent, superseded) is refused.
 */
export async function retryDelivery(db: Database, actorUserId: number, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    if (await outboxRepository.retry(tx, id)) {
      await auditRepository.record(tx, { actorUserId, action: 'outbox.retry', targetType: 'outbox', targetId: id });
    } else if (await outboxRepository.retryNow(tx, id)) {
      await auditRepository.record(tx, { actorUserId, action: 'outbox.retryNow', targetType: 'outbox', targetId: id });
    } else {
      throw new AppError(409, 'officeAdmin.deliveries.notRetryable');
    }
  });
}
