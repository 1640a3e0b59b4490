import { createHash, createHmac } from 'node:crypto';

/**
 * What a personal link (a signatory's, the host's space) is for: part of what the secret is derived from, so a
 * signature link never opens the host's space and the other way round, even for rows with the same id.
 */
export type LinkPurpose = 'signature' | 'host-space';

/**
 * A personal link's secret, derived from its row's id with a key from the configuration (ENCRYPTION_KEY):
 * HMAC-SHA256, base64url. The database keeps only its SHA-256, and the outbox only the row's id, so no raw link is
 * ever at rest; the mail is completed at delivery time, and a re-delivery sends the same, working link.
 */
export function personalLinkToken(key: string, purpose: LinkPurpose, id: number): string {
  return createHmac('sha256', key).update(`pstage-${purpose}-link:${id}`, 'utf8').digest('base64url');
}

/** Looked up by its hash (an index lookup, no comparison of secrets in the application). */
export function hashPersonalLinkToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** What a derived token looks like: anything else is refused before the database is asked. */
export const isWellFormedToken = (token: string) => /^[A-Za-z0-9_-]{40,64}$/.test(token);
