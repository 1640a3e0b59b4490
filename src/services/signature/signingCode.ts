import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import { isLinkOpen } from '../../domain/signatureCircuit';
import { notFound } from '../../errors';
import { enqueueNotification } from '../../mail/enqueueNotification';
import { auditRepository } from '../../models/auditRepository';
import type { Database, Executor } from '../../models/database';
import { signatureRequests } from '../../models/schema';
import type { SignatureRequest } from '../../models/signatureRequestRepository';
import { mailPartyOf } from './circuitParties';
import { openSignatureLink } from './openSignatureLink';
import type { CircuitContext } from './requestSignatures';

export const signingCodeMinutes = 10;
/** Wrong tries a code survives; the fifth voids it and the signatory asks for a new one. */
export const signingCodeTries = 5;

/**
 * The 6-digit code of one issue, derived like the link (HMAC-SHA256 under ENCRYPTION_KEY) from the request's id and
 * the code's expiry: the outbox keeps neither, the mail is completed when it is sent, a re-delivery sends the same code.
 */
export function signingCodeFor(key: string, requestId: number, expiresAt: Date): string {
  const digest = createHmac('sha256', key).update(`pstage-signature-code:${requestId}:${expiresAt.getTime()}`, 'utf8').digest();
  return String(digest.readUIntBE(0, 6) % 1_000_000).padStart(6, '0');
}

/** What the database keeps of a code: keyed, so six digits cannot be tried against it offline without the key. */
function hashOf(key: string, requestId: number, code: string): Buffer {
  return createHmac('sha256', key).update(`pstage-signature-code-hash:${requestId}:${code}`, 'utf8').digest();
}

/** A new code for the signatory of the link (any earlier one is replaced), mailed to their address; audited. */
export async function sendSigningCode(
  db: Database,
  token: string,
  locale: 'fr' | 'en',
  context: CircuitContext,
): Promise<{ email: string }> {
  return db.transaction(async (tx) => {
    const { request, convention } = await openSignatureLink(tx, token, context.clock);
    const now = context.clock.now();
    const expiresAt = new Date(now.getTime() + signingCodeMinutes * 60_000);
    const code = signingCodeFor(context.config.encryptionKey, request.id, expiresAt);
    await tx
      .update(signatureRequests)
      .set({ codeHash: hashOf(context.config.encryptionKey, request.id, code).toString('hex'), codeExpiresAt: expiresAt, codeAttempts: 0 })
      .where(eq(signatureRequests.id, request.id));
    await enqueueNotification(tx, {
      template: 'signatureCode',
      to: { email: request.email, name: request.name, locale },
      data: {
        reference: convention.reference ?? String(convention.id),
        party: mailPartyOf(request.party),
        minutes: signingCodeMinutes,
        signatureRequestId: request.id,
        codeExpiresAt: expiresAt.toISOString(),
        code: '',
        path: '',
      },
      dedupeKey: `signatureCode:${request.id}:${expiresAt.getTime()}`,
    });
    await auditRepository.record(tx, {
      actorUserId: null,
      action: 'signature.code_sent',
      targetType: 'convention',
      targetId: convention.id,
      details: { party: request.party, email: request.email },
    });
    return { email: request.email };
  });
}

export type CodeCheck = { outcome: 'ok' | 'locked' | 'expired' } | { outcome: 'wrong'; triesLeft: number };

/**
 * The code typed with the signature, compared in constant time. A wrong one is counted (and audited) in a
 * transaction of its own, so the count holds even though the signature is refused; the fifth voids the code.
 */
export async function checkSigningCode(db: Database, token: string, code: string, context: CircuitContext): Promise<CodeCheck> {
  return db.transaction(async (tx) => {
    const { request, convention } = await openSignatureLink(tx, token, context.clock);
    const [row] = await tx.select().from(signatureRequests).where(eq(signatureRequests.id, request.id)).for('update');
    // Read again under the lock: a signature of the same link that committed meanwhile closed it.
    if (!row || !isLinkOpen(row, context.clock.now())) throw notFound();
    if (!row.codeHash || !row.codeExpiresAt || row.codeExpiresAt <= context.clock.now()) return { outcome: 'expired' };
    if (timingSafeEqual(hashOf(context.config.encryptionKey, row.id, code), Buffer.from(row.codeHash, 'hex'))) return { outcome: 'ok' };
    const attempts = row.codeAttempts + 1;
    await tx
      .update(signatureRequests)
      .set({ codeAttempts: attempts, ...(attempts >= signingCodeTries ? { codeHash: null, codeExpiresAt: null } : {}) })
      .where(eq(signatureRequests.id, row.id));
    await auditRepository.record(tx, {
      actorUserId: null,
      action: 'signature.code_wrong',
      targetType: 'convention',
      targetId: convention.id,
      details: { party: row.party, attempt: attempts },
    });
    return attempts >= signingCodeTries ? { outcome: 'locked' } : { outcome: 'wrong', triesLeft: signingCodeTries - attempts };
  });
}

/** Spends the code with the signature, in its transaction: a replayed or concurrent request finds it spent. */
export async function spendSigningCode(tx: Executor, request: SignatureRequest, code: string, key: string, now: Date): Promise<boolean> {
  const spent = await tx
    .update(signatureRequests)
    .set({ codeHash: null, codeExpiresAt: null })
    .where(
      and(
        eq(signatureRequests.id, request.id),
        eq(signatureRequests.codeHash, hashOf(key, request.id, code).toString('hex')),
        gt(signatureRequests.codeExpiresAt, now),
        sql`${signatureRequests.codeAttempts} < ${signingCodeTries}`,
      ),
    )
    .returning({ id: signatureRequests.id });
  return spent.length === 1;
}
