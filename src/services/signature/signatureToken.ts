import { createHash, createHmac } from 'node:crypto';
import type { MailPayload } from '../../mail/notificationTypes';
import { signingCodeFor } from './signingCode';

/**
 * A personal link's secret, derived from the request's id with a key from the configuration (ENCRYPTION_KEY):
 * HMAC-SHA256, base64url. The database keeps only its SHA-256, and the outbox only the request's id, so no raw
 * link is ever at rest; the mail is completed at delivery time, and a re-delivery (after a crash) sends the same,
 * working link. Changing ENCRYPTION_KEY invalidates the links not yet opened (the office resends them).
 */
export function signatureTokenFor(key: string, requestId: number): string {
  return createHmac('sha256', key).update(`pstage-signature-link:${requestId}`, 'utf8').digest('base64url');
}

/** Looked up by its hash (an index lookup, no comparison of secrets in the application). */
export function hashSignatureToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export const signatureLinkPath = (token: string) => `/sign/${token}`;

/** The outbox's mails are completed when sent: a signature request's personal link is derived then, never stored. */
export function signatureLinkResolver(key: string) {
  return (payload: MailPayload): MailPayload => {
    if (payload.template === 'signatureCode') {
      const data = payload.data as MailPayload<'signatureCode'>['data'];
      const code = signingCodeFor(key, data.signatureRequestId, new Date(data.codeExpiresAt));
      return { ...payload, data: { ...data, code, path: signatureLinkPath(signatureTokenFor(key, data.signatureRequestId)) } };
    }
    if (payload.template !== 'signatureRequested') return payload;
    const data = payload.data as MailPayload<'signatureRequested'>['data'];
    if (data.signatureRequestId === undefined) return payload;
    return { ...payload, data: { ...data, path: signatureLinkPath(signatureTokenFor(key, data.signatureRequestId)) } };
  };
}
