import type { Executor } from '../models/database';
import { outboxRepository } from '../models/outboxRepository';
import type { MailLocale, MailPayload, MailRecipient, NotificationData, NotificationKind } from './notificationTypes';

/**
 * Queues a notification inside the caller's transaction: the mail exists if and only if the change
 * committed. `dedupeKey` names the event (e.g. `conventionValidated:42:v7`) so that a retried use case
 * never queues it twice. Returns null when the recipient has no e-mail address (the LMS did not share it).
 */
export async function enqueueNotification<K extends NotificationKind>(
  executor: Executor,
  notification: {
    template: K;
    to: { email: string | null | undefined; name: string; locale?: string | null };
    data: NotificationData[K];
    dedupeKey: string;
  },
): Promise<{ id: number; created: boolean } | null> {
  const email = notification.to.email?.trim();
  if (!email) return null;
  const locale: MailLocale = notification.to.locale === 'en' ? 'en' : 'fr';
  const to: MailRecipient = { email, name: notification.to.name, locale };
  const payload: MailPayload<K> = { template: notification.template, to, data: notification.data };
  return outboxRepository.enqueue(executor, {
    kind: 'mail',
    payload: payload as unknown as Record<string, unknown>,
    dedupeKey: `mail:${notification.dedupeKey}:${email.toLowerCase()}`,
  });
}
