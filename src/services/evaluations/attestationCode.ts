import { timingSafeEqual } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Clock } from '../../clock';
import { AppError, notFound } from '../../errors';
import { lastDayOf } from '../../domain/internshipEnd';
import { enqueueNotification } from '../../mail/enqueueNotification';
import { auditRepository } from '../../models/auditRepository';
import type { Database, Executor } from '../../models/database';
import { hostAttestationRepository, type HostSpaceLink } from '../../models/evaluationRepository';
import { hostSpaceLinks } from '../../models/schema';
import {
  HOUR,
  oneTimeCodeFor,
  oneTimeCodeHashOf,
  signingCodeMinutes,
  signingCodesPerHour,
  signingCodeTries,
} from '../signature/signingCode';
import type { CodeCheck, CodeSending } from '../signature/signingCode';
import { openHostSpace } from './hostSpaceLink';

/** The attestation's code is the signature circuit's, held by the host's link rather than a signature request. */
const subjectOf = (linkId: number) => `host-attestation-${linkId}`;
export const attestationCodeFor = (key: string, linkId: number, expiresAt: Date) => oneTimeCodeFor(key, subjectOf(linkId), expiresAt);
const hashOf = (key: string, linkId: number, code: string) => oneTimeCodeHashOf(key, subjectOf(linkId), code);

interface CodeContext {
  clock: Clock;
  encryptionKey: string;
}

/** The link (locked) and convention of a host's token, exactly what its page opens. */
async function openLocked(tx: Executor, token: string, clock: Clock) {
  const opened = await openHostSpace(tx, token, clock);
  const [link] = await tx.select().from(hostSpaceLinks).where(eq(hostSpaceLinks.id, opened.link.id)).for('update');
  if (!link) throw notFound();
  return { link, convention: opened.convention };
}

/** A new code mailed to the tutor's address (any earlier one replaced), at most signingCodesPerHour an hour; audited. */
export async function sendAttestationCode(db: Database, token: string, locale: 'fr' | 'en', context: CodeContext): Promise<CodeSending> {
  return db.transaction(async (tx) => {
    const { link, convention } = await openLocked(tx, token, context.clock);
    // A code signs nothing before the end or once the attestation is in: no mail then.
    const lastDay = lastDayOf(convention) ?? '';
    if (context.clock.today() < lastDay) throw new AppError(409, 'evaluation.errors.attestationBeforeEnd', { date: lastDay });
    if (await hostAttestationRepository.find(tx, convention.id)) throw new AppError(409, 'evaluation.errors.attestationDone');
    const now = context.clock.now();
    const windowOpen = link.codeWindowStartedAt !== null && now.getTime() - link.codeWindowStartedAt.getTime() < HOUR;
    const audit = (action: string) =>
      auditRepository.record(tx, {
        actorUserId: null,
        action,
        targetType: 'convention',
        targetId: convention.id,
        details: { party: 'host_attestation', email: link.email },
      });
    if (windowOpen && link.codesInWindow >= signingCodesPerHour) {
      await audit('attestation.code_limited');
      return { sent: false, retryAfter: new Date(link.codeWindowStartedAt!.getTime() + HOUR) };
    }
    const expiresAt = new Date(now.getTime() + signingCodeMinutes * 60_000);
    const code = attestationCodeFor(context.encryptionKey, link.id, expiresAt);
    await tx
      .update(hostSpaceLinks)
      .set({
        codeHash: hashOf(context.encryptionKey, link.id, code).toString('hex'),
        codeExpiresAt: expiresAt,
        codeAttempts: 0,
        codeWindowStartedAt: windowOpen ? link.codeWindowStartedAt : now,
        codesInWindow: windowOpen ? link.codesInWindow + 1 : 1,
      })
      .where(eq(hostSpaceLinks.id, link.id));
    await enqueueNotification(tx, {
      template: 'attestationCode',
      to: { email: link.email, name: link.name, locale },
      data: {
        reference: convention.reference ?? String(convention.id),
        minutes: signingCodeMinutes,
        hostSpaceLinkId: link.id,
        codeExpiresAt: expiresAt.toISOString(),
        code: '',
        path: '',
      },
      dedupeKey: `attestationCode:${link.id}:${expiresAt.getTime()}`,
    });
    await audit('attestation.code_sent');
    return { sent: true as const, email: link.email };
  });
}

/** The typed code, in constant time; a wrong one is counted in a transaction of its own, the fifth voids the code. */
export async function checkAttestationCode(db: Database, token: string, code: string, context: CodeContext): Promise<CodeCheck> {
  return db.transaction(async (tx) => {
    const { link, convention } = await openLocked(tx, token, context.clock);
    if (!link.codeHash || !link.codeExpiresAt || link.codeExpiresAt <= context.clock.now()) return { outcome: 'expired' };
    if (timingSafeEqual(hashOf(context.encryptionKey, link.id, code), Buffer.from(link.codeHash, 'hex'))) return { outcome: 'ok' };
    const attempts = link.codeAttempts + 1;
    await tx
      .update(hostSpaceLinks)
      .set({ codeAttempts: attempts, ...(attempts >= signingCodeTries ? { codeHash: null, codeExpiresAt: null } : {}) })
      .where(eq(hostSpaceLinks.id, link.id));
    await auditRepository.record(tx, {
      actorUserId: null,
      action: 'attestation.code_wrong',
      targetType: 'convention',
      targetId: convention.id,
      details: { party: 'host_attestation', attempt: attempts },
    });
    return attempts >= signingCodeTries ? { outcome: 'locked' } : { outcome: 'wrong', triesLeft: signingCodeTries - attempts };
  });
}

/** Spends the code with the attestation, in its transaction: a replayed or concurrent submission finds it spent. */
export async function spendAttestationCode(tx: Executor, link: HostSpaceLink, code: string, key: string, now: Date): Promise<boolean> {
  const spent = await tx
    .update(hostSpaceLinks)
    .set({ codeHash: null, codeExpiresAt: null })
    .where(
      and(
        eq(hostSpaceLinks.id, link.id),
        eq(hostSpaceLinks.codeHash, hashOf(key, link.id, code).toString('hex')),
        gt(hostSpaceLinks.codeExpiresAt, now),
        sql`${hostSpaceLinks.codeAttempts} < ${signingCodeTries}`,
      ),
    )
    .returning({ id: hostSpaceLinks.id });
  return spent.length === 1;
}
