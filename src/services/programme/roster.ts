import { fetchCourseRoster, type RosterMember } from '../../lti/nrps';
import type { Programme } from '../../models/programmeRepository';
import { rosterRepository, type RosterSync } from '../../models/rosterRepository';
import type { Services } from '..';

/** A roster younger than this is not fetched again when a head opens the panel. */
export const ROSTER_MAX_AGE_MS = 5 * 60_000;
/** After a failure, opening the panel waits this long before trying again (the button always tries). */
const RETRY_AFTER_FAILURE_MS = 60_000;

export type RosterRefresh = { status: 'fresh' | 'refreshed' | 'failed'; sync: RosterSync | undefined };

function isStale(sync: RosterSync | undefined, now: Date): boolean {
  if (!sync) return true;
  if (sync.lastError && now.getTime() - sync.attemptedAt.getTime() < RETRY_AFTER_FAILURE_MS) return false;
  return !sync.syncedAt || now.getTime() - sync.syncedAt.getTime() > ROSTER_MAX_AGE_MS;
}

/** Stores the roster: users and memberships of the members, departed NRPS memberships removed, in one transaction. */
async function storeRoster(services: Services, programme: Programme, members: RosterMember[], at: Date): Promise<void> {
  await services.db.transaction(async (tx) => {
    for (const member of members) {
      if (!member.active || !member.role) continue;
      const user = await rosterRepository.upsertUser(tx, programme.iss, member);
      await rosterRepository.markSeen(tx, user.id, programme.id, member.role, at);
    }
    await rosterRepository.removeDeparted(tx, programme.id, at);
    await rosterRepository.recordAttempt(tx, programme.id, { at, ok: true });
  });
}

/**
 * Fetches the course roster from the LMS when the cached one is old (or always, when forced). An LMS that
 * cannot answer leaves the cached roster in place and the error recorded for the panel's notice.
 */
export async function refreshRoster(
  services: Services,
  programme: Programme,
  options: { force?: boolean; now?: Date } = {},
): Promise<RosterRefresh> {
  const now = options.now ?? new Date();
  const cached = await rosterRepository.findSync(services.db, programme.id);
  if (!options.force && !isStale(cached, now)) return { status: 'fresh', sync: cached };
  try {
    const members = await fetchCourseRoster(services.lti(), programme, services.config.lmsTimeoutMs);
    await storeRoster(services, programme, members, now);
    return { status: 'refreshed', sync: await rosterRepository.findSync(services.db, programme.id) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    services.logger.warn({ programmeId: programme.id, error: message }, 'course roster unavailable');
    await rosterRepository.recordAttempt(services.db, programme.id, { at: now, ok: false, error: message.slice(0, 500) });
    return { status: 'failed', sync: await rosterRepository.findSync(services.db, programme.id) };
  }
}
