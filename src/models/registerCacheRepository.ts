import { and, eq, gt } from 'drizzle-orm';
import type { Executor } from './database';
import { registerCache } from './schema';

/** The register's answers by query, with when they were fetched. */
export const registerCacheRepository = {
  async findFresh(db: Executor, key: string, notBefore: Date): Promise<unknown> {
    const [row] = await db
      .select({ body: registerCache.body })
      .from(registerCache)
      .where(and(eq(registerCache.key, key), gt(registerCache.fetchedAt, notBefore)));
    return row?.body;
  },

  async store(db: Executor, key: string, body: unknown, fetchedAt: Date): Promise<void> {
    await db
      .insert(registerCache)
      .values({ key, body, fetchedAt })
      .onConflictDoUpdate({ target: registerCache.key, set: { body, fetchedAt } });
  },
};
