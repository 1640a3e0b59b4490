import type { MailPayload } from '../../mail/notificationTypes';
import { hostSpaceLinkResolver } from '../evaluations/hostSpaceLink';
import { signatureLinkResolver } from '../signature/signatureToken';

/** Every personal link a mail of the outbox names (a signatory's, the host's space), derived when it is sent. */
export function personalLinkResolver(key: string) {
  const signature = signatureLinkResolver(key);
  const hostSpace = hostSpaceLinkResolver(key);
  return (payload: MailPayload): MailPayload => hostSpace(signature(payload));
}
