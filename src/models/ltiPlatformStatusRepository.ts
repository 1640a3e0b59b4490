import { documentKey } from '../lti/ltiDatabasePlugin';
import type { Executor } from './database';
import { ltiRecords } from './schema';

/**
 * The platform status row ltijs reads (`platformStatus` collection, `{ id: kid, active }`), written here so an
 * activation and its audit row share one transaction (ltijs's own `platformActive(value)` writes outside it).
 */
export const ltiPlatformStatusRepository = {
  async setActive(db: Executor, kid: string, active: boolean): Promise<void> {
    const status = { id: kid, active };
    await db
      .insert(ltiRecords)
      .values({ collection: 'platformStatus', key: documentKey('platformStatus', status), data: status, expiresAt: null })
      .onConflictDoUpdate({ target: [ltiRecords.collection, ltiRecords.key], set: { data: status, createdAt: new Date() } });
  },
};
