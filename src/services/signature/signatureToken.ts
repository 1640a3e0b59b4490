import { hashPersonalLinkToken, personalLinkToken } from '../personalLinks/personalLinkToken';
import type { MailPayload } from '../../mail/notificationTypes';
import { signingCodeFor } from './signingCode';

/** A signatory's link (src/services/personalLinks/personalLinkToken.ts): the same secret as before it was generalised. */
export function signatureTokenFor(key: string, requestId: number): string {
  return personalLinkToken(key, 'signature', requestId);
}

export const hashSignatureToken = hashPersonalLinkToken;

export const signatureLinkPath = (token: string) => `/sign/${token}`;

/** The outbox's mails are completed when sent: a signature request's personal link is derived then, never stored. */
export function signatureLinkResolver(key: string) {
  return (payload: MailPayload): MailPayload => {
    if (payload.template === 'signatureCode') {
      const data = payload.data as MailPayload<'signatureCode'>['data'];
      const code = signingCodeFor(key, data.signatureRequestId, new Date(data.codeExpiresAt));
      // The student's code names their page in their space; a signatory's, their personal link.
      const path = data.path || signatureLinkPath(signatureTokenFor(key, data.signatureRequestId));
      return { ...payload, data: { ...data, code, path } };
    }
    if (payload.template !== 'signatureRequested') return payload;
    const data = payload.data as MailPayload<'signatureRequested'>['data'];
    if (data.signatureRequestId === undefined) return payload;
    return { ...payload, data: { ...data, path: signatureLinkPath(signatureTokenFor(key, data.signatureRequestId)) } };
  };
}
