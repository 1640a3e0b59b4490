import { PermanentDeliveryError } from '../services/outbox/permanentFailure';
import type { OutboxDelivery, OutboxHandler } from '../services/outbox/worker';
import { notificationKinds, type MailPayload, type RenderedMail } from './notificationTypes';
import type { MailTransport } from './transport';

function readPayload(payload: Record<string, unknown>): MailPayload {
  const to = payload.to as Partial<MailPayload['to']> | undefined;
  if (!notificationKinds.includes(payload.template as MailPayload['template'])) {
    throw new PermanentDeliveryError(`unknown mail template ${String(payload.template)}`);
  }
  if (!to || typeof to.email !== 'string' || !to.email.includes('@')) throw new PermanentDeliveryError('mail without a recipient address');
  if (!payload.data || typeof payload.data !== 'object') throw new PermanentDeliveryError('mail without data');
  return payload as unknown as MailPayload;
}

/** The host part of the From address, for Message-IDs that are unique to this installation. */
function domainOf(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'pstage.invalid';
}

/** SMTP 5xx on the envelope (unknown or refused recipient) will not improve by retrying. */
function isRejectedRecipient(error: unknown): boolean {
  const smtpError = error as { code?: string; responseCode?: number };
  return smtpError.code === 'EENVELOPE' && typeof smtpError.responseCode === 'number' && smtpError.responseCode >= 500;
}

/**
 * The outbox's `mail` handler. The Message-ID is derived from the outbox row id: if a crash between
 * sending and `markSent` makes the worker send again, the copy has the same Message-ID and receivers
 * (and our tests) can drop it.
 */
export function createMailHandler(options: {
  transport: MailTransport;
  from: string;
  render: (payload: MailPayload) => Promise<RenderedMail>;
  messageIdDomain?: string;
  /** Completes the queued payload when it is sent (the personal signature links, which are never stored). */
  resolve?: (payload: MailPayload) => MailPayload;
}): OutboxHandler {
  const domain = options.messageIdDomain ?? domainOf(options.from);
  return async (rawPayload: Record<string, unknown>, delivery: OutboxDelivery) => {
    const queued = readPayload(rawPayload);
    const payload = options.resolve ? options.resolve(queued) : queued;
    const mail = await options.render(payload);
    try {
      await options.transport.send({
        outboxId: delivery.id,
        from: options.from,
        to: payload.to.name ? { name: payload.to.name, address: payload.to.email } : payload.to.email,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<pstage-outbox-${delivery.id}@${domain}>`,
        date: delivery.createdAt,
        headers: {
          'Content-Language': payload.to.locale,
          'Auto-Submitted': 'auto-generated',
          'X-Pstage-Notification': payload.template,
          'X-Pstage-Outbox-Id': String(delivery.id),
        },
      });
    } catch (error) {
      if (isRejectedRecipient(error)) throw new PermanentDeliveryError((error as Error).message, { cause: error });
      throw error;
    }
  };
}
