import { AppError } from '../../../errors';
import { auditRepository } from '../../../models/auditRepository';
import type { Database } from '../../../models/database';
import { outboxRepository, type OutboxMessage } from '../../../models/outboxRepository';
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
}

async function describe(db: Database, message: OutboxMessage): Promise<DeliveryLine> {
  const payload = message.payload as { to?: { email?: string; name?: string }; template?: string; studentUserId?: number; conventionReference?: string | null };
  const base = { id: message.id, kind: message.kind, status: message.status, attempts: message.attempts, lastError: message.lastError, nextAttemptAt: message.nextAttemptAt, createdAt: message.createdAt };
  if (message.kind === 'mail') {
    return { ...base, recipient: [payload.to?.name, payload.to?.email && `<${payload.to.email}>`].filter(Boolean).join(' '), subject: payload.template ?? '' };
  }
  const student = payload.studentUserId ? await userRepository.findById(db, payload.studentUserId) : undefined;
  return { ...base, recipient: student?.name ?? String(payload.studentUserId ?? ''), subject: payload.conventionReference ?? '' };
}

export async function failingDeliveries(db: Database): Promise<DeliveryLine[]> {
  const messages = await outboxRepository.listFailing(db);
  return Promise.all(messages.map((message) => describe(db, message)));
}

export async function retryDelivery(db: Database, actorUserId: number, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await outboxRepository.retry(tx, id))) throw new AppError(409, 'officeAdmin.deliveries.notFailed');
    await auditRepository.record(tx, { actorUserId, action: 'outbox.retry', targetType: 'outbox', targetId: id });
  });
}
