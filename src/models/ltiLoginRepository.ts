import { and, eq, gt, lt } from 'drizzle-orm';
import type { Executor } from './database';
import { ltiLogins } from './schema';

export type LtiLogin = Omit<typeof ltiLogins.$inferSelect, 'createdAt'>;

export const ltiLoginRepository = {
  async save(db: Executor, login: LtiLogin, now: Date): Promise<void> {
    await db.delete(ltiLogins).where(lt(ltiLogins.expiresAt, now));
    await db.insert(ltiLogins).values(login);
  },

  /** The login of this state, removed in the same statement: two launches racing for it cannot both get it. */
  async consume(db: Executor, state: string, now: Date): Promise<LtiLogin | undefined> {
    const [login] = await db
      .delete(ltiLogins)
      .where(and(eq(ltiLogins.state, state), gt(ltiLogins.expiresAt, now)))
      .returning({
        state: ltiLogins.state,
        nonce: ltiLogins.nonce,
        iss: ltiLogins.iss,
        clientId: ltiLogins.clientId,
        relaunchUrl: ltiLogins.relaunchUrl,
        expiresAt: ltiLogins.expiresAt,
      });
    return login;
  },
};
