import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { LtiTool } from '../../lti/ltiTool';
import { auditRepository } from '../../models/auditRepository';
import type { Database } from '../../models/database';
import { ltiPlatformStatusRepository } from '../../models/ltiPlatformStatusRepository';
import { setupCodes } from '../../models/schema';
import { listPlatforms } from '../office/platforms';

/** Wrong tries a setup code survives; the next wrong one voids it (a restart prints a new one). */
export const setupCodeTries = 5;

// No 0/O, 1/I/L: read from a log and typed by hand.
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

const normalise = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
const hashOf = (code: string) => createHash('sha256').update(normalise(code)).digest();

export type SetupCodeOutcome = 'activated' | 'wrong' | 'closed' | 'noPendingPlatform';

/**
 * A start-up with no active LMS platform (a fresh install) prints a one-time code in the server's log: whoever
 * can read the log may activate the first pending platform with it, with no office session (which needs a
 * launch from an active platform). Any earlier code is voided; only the new code's hash is kept.
 */
export async function offerSetupCode(
  db: Database,
  tool: LtiTool,
  options: { now: Date; minutes: number; publicBaseUrl: string; logger: Logger },
): Promise<string | null> {
  if ((await listPlatforms(tool, db)).some((platform) => platform.active)) return null;
  const raw = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]).join('');
  const code = raw.match(/.{4}/g)!.join('-');
  const expiresAt = new Date(options.now.getTime() + options.minutes * 60_000);
  await db.transaction(async (tx) => {
    await tx.update(setupCodes).set({ expiresAt: options.now }).where(isNull(setupCodes.usedAt));
    await tx.insert(setupCodes).values({ codeHash: hashOf(code).toString('hex'), createdAt: options.now, expiresAt });
  });
  options.logger.warn(
    { setupUrl: `${options.publicBaseUrl}/setup`, expiresAt: expiresAt.toISOString() },
    `No LMS platform is active. Once the LMS has registered Pstage, activate it at ${options.publicBaseUrl}/setup with the one-time setup code ${code} (valid ${options.minutes} minutes, once; or: npm run platform -- activate <id>)`,
  );
  return code;
}

/**
 * The setup code typed on /setup: compared in constant time with the last code's hash; right, it activates the
 * first pending platform (audited) and is spent; wrong, it counts a try, and the fifth wrong try voids it.
 * A code is good for a first activation only: once a platform is active, it is closed.
 */
export async function activateWithSetupCode(db: Database, tool: LtiTool, code: string, now: Date): Promise<SetupCodeOutcome> {
  const platforms = await listPlatforms(tool, db);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(setupCodes)
      .where(and(isNull(setupCodes.usedAt), gt(setupCodes.expiresAt, now), sql`${setupCodes.attempts} < ${setupCodeTries}`))
      .orderBy(desc(setupCodes.id))
      .limit(1)
      .for('update');
    if (!row) return 'closed';
    if (platforms.some((platform) => platform.active)) {
      await tx.update(setupCodes).set({ expiresAt: now }).where(eq(setupCodes.id, row.id));
      return 'closed';
    }
    if (!timingSafeEqual(hashOf(code), Buffer.from(row.codeHash, 'hex'))) {
      await tx
        .update(setupCodes)
        .set({ attempts: sql`${setupCodes.attempts} + 1` })
        .where(eq(setupCodes.id, row.id));
      await auditRepository.record(tx, {
        actorUserId: null,
        action: 'setup_code.wrong',
        targetType: 'setup_code',
        targetId: String(row.id),
        details: { attempt: row.attempts + 1 },
      });
      return 'wrong';
    }
    const pending = platforms.find((platform) => !platform.active);
    if (!pending) return 'noPendingPlatform';
    const spent = await tx
      .update(setupCodes)
      .set({ usedAt: now })
      .where(and(eq(setupCodes.id, row.id), isNull(setupCodes.usedAt)))
      .returning({ id: setupCodes.id });
    if (spent.length === 0) return 'closed';
    await ltiPlatformStatusRepository.setActive(tx, pending.id, true);
    await auditRepository.record(tx, {
      actorUserId: null,
      action: 'platform.activate',
      targetType: 'platform',
      targetId: pending.id,
      details: { by: 'setup code', name: pending.name, issuer: pending.url },
    });
    return 'activated';
  });
}
