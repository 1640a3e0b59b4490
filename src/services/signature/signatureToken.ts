import { createHash, randomBytes } from 'node:crypto';

/** A personal link's secret: 32 random bytes, base64url. Only its SHA-256 is stored. */
export function newSignatureToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashSignatureToken(token) };
}

/** Looked up by its hash (an index lookup, no comparison of secrets in the application). */
export function hashSignatureToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export const signatureLinkPath = (token: string) => `/sign/${token}`;
