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
import { openStudentRequest, type StudentRequestCommand } from './studentRequest';
import { studentPath } from '../office/officeCommand';
import { studentAmendmentsPath } from '../amendments/amendmentMails';
import type { CircuitContext } from './requestSignatures';

export const signingCodeMinutes = 10;
/** Wrong tries a code survives; the fifth voids it and the signatory asks for a new one. */
export const signingCodeTries = 5;

/**
 * The 6-digit code of one issue, derived like the link (HMAC-SHA256 under ENCRYPTION_KEY) from the request's id and
 * the code's expiry: the outbox keeps neither, the mail is completed when it is sent, a re-delivery sends the same code.
 */
export function signingCodeFor(key: string, requestId: number, expiresAt: Date): string {
  return oneTimeCodeFor(key, String(requestId), expiresAt);
}

/** The same derivation for any holder of a code: `subject` names it (a request's id, `host-attestation-<link id>`). */
export function oneTimeCodeFor(key: string, subject: string, expiresAt: Date): string {
  const digest = createHmac('sha256', key).update(`pstage-signature-code:${subject}:${expiresAt.getTime()}`, 'utf8').digest();
  return String(digest.readUIntBE(0, 6) % 1_000_000).padStart(6, '0');
}

/** What the database keeps of a code: keyed, so six digits cannot be tried against it offline without the key. */
export function oneTimeCodeHashOf(key: string, subject: string, code: string): Buffer {
  return createHmac('sha256', key).update(`pstage-signature-code-hash:${subject}:${code}`, 'utf8').digest();
}

const hashOf = (key: string, requestId: number, code: string) => oneTimeCodeHashOf(key, String(requestId), code);

/** Codes a request may be sent per hour: enough for a lost mail or two, not a way to flood a mailbox. */
export const signingCodesPerHour = 5;
export const HOUR = 60 * 60_000;

/** Whose code: the signatory of a personal link (its token), or the student from their Pstage space. */
export type CodeHolder = string | StudentRequestCommand;

/** The request (locked) and convention a code is for; for a link, exactly what its page opens. */
async function openHolder(tx: Executor, holder: CodeHolder, clock: CircuitContext['clock']) {
  const opened = typeof holder === 'string' ? await openSignatureLink(tx, holder, clock) : await openStudentRequest(tx, holder, clock);
  const [row] = await tx.select().from(signatureRequests).where(eq(signatureRequests.id, opened.request.id)).for('update');
  // Read again under the lock: a signature of the same request that committed meanwhile closed it.
  if (!row || !isLinkOpen(row, clock.now())) throw notFound();
  return { request: row, convention: opened.convention, amendment: opened.amendment };
}

export type CodeSending = { sent: true; email: string } | { sent: false; retryAfter: Date };

/**
 * A new code for the signatory (any earlier one is replaced), mailed to their address; audited. At most
 * signingCodesPerHour codes an hour per request: past them, nothing is sent and the answer says from when again.
 */
export async function sendSigningCode(
  db: Database,
  holder: CodeHolder,
  locale: 'fr' | 'en',
  context: CircuitContext,
): Promise<CodeSending> {
  return db.transaction(async (tx) => {
    const { request, convention, amendment } = await openHolder(tx, holder, context.clock);
    const now = context.clock.now();
    const windowOpen = request.codeWindowStartedAt !== null && now.getTime() - request.codeWindowStartedAt.getTime() < HOUR;
    if (windowOpen && request.codesInWindow >= signingCodesPerHour) {
      await auditRepository.record(tx, {
        actorUserId: null,
        action: 'signature.code_limited',
        targetType: 'convention',
        targetId: convention.id,
        details: { party: request.party, email: request.email },
      });
      return { sent: false, retryAfter: new Date(request.codeWindowStartedAt!.getTime() + HOUR) };
    }
    const expiresAt = new Date(now.getTime() + signingCodeMinutes * 60_000);
    const code = signingCodeFor(context.config.encryptionKey, request.id, expiresAt);
    await tx
      .update(signatureRequests)
      .set({
        codeHash: hashOf(context.config.encryptionKey, request.id, code).toString('hex'),
        codeExpiresAt: expiresAt,
        codeAttempts: 0,
        codeWindowStartedAt: windowOpen ? request.codeWindowStartedAt : now,
        codesInWindow: windowOpen ? request.codesInWindow + 1 : 1,
      })
      .where(eq(signatureRequests.id, request.id));
    await enqueueNotification(tx, {
      template: 'signatureCode',
      to: { email: request.email, name: request.name, locale },
      data: {
        reference: convention.reference ?? String(convention.id),
        ...(amendment ? { amendmentNumber: amendment.number } : {}),
        party: mailPartyOf(request.party),
        minutes: signingCodeMinutes,
        signatureRequestId: request.id,
        codeExpiresAt: expiresAt.toISOString(),
        code: '',
        // The student's page is in their space; a link's path is derived when the mail is sent.
        path: typeof holder === 'string' ? '' : amendment ? studentAmendmentsPath(convention.id) : studentPath(convention.id),
      },
      dedupeKey: `signatureCode:${request.id}:${expiresAt.getTime()}`,
    });
    await auditRepository.record(tx, {
      actorUserId: typeof holder === 'string' ? null : holder.studentUserId,
      action: 'signature.code_sent',
      targetType: 'convention',
      targetId: convention.id,
      details: { party: request.party, email: request.email },
    });
    return { sent: true as const, email: request.email };
  });
}

export type CodeCheck = { outcome: 'ok' | 'locked' | 'expired' } | { outcome: 'wrong'; triesLeft: number };

/**
 * The code typed with the signature, compared in constant time. A wrong one is counted (and audited) in a
 * transaction of its own, so the count holds even though the signature is refused; the fifth voids the code.
 */
export async function checkSigningCode(db: Database, holder: CodeHolder, code: string, context: CircuitContext): Promise<CodeCheck> {
  return db.transaction(async (tx) => {
    const { request: row, convention } = await openHolder(tx, holder, context.clock);
    if (!row.codeHash || !row.codeExpiresAt || row.codeExpiresAt <= context.clock.now()) return { outcome: 'expired' };
    if (timingSafeEqual(hashOf(context.config.encryptionKey, row.id, code), Buffer.from(row.codeHash, 'hex'))) return { outcome: 'ok' };
    const attempts = row.codeAttempts + 1;
    await tx
      .update(signatureRequests)
      .set({ codeAttempts: attempts, ...(attempts >= signingCodeTries ? { codeHash: null, codeExpiresAt: null } : {}) })
      .where(eq(signatureRequests.id, row.id));
    await auditRepository.record(tx, {
      actorUserId: typeof holder === 'string' ? null : holder.studentUserId,
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
