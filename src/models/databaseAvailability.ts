import type { Logger } from 'pino';
import { databaseFailureOf } from './databaseErrors';

/**
 * Whether the database answers, as last seen. Connection failures are reported here from every place that
 * sees them (the pool, requests, the outbox worker, the scheduler): the first of an incident logs
 * 'database unreachable', the next ones nothing, and the first connection that works again logs 'database back'.
 */
export interface DatabaseAvailability {
  readonly reachable: boolean;
  /** Reports an error; returns true when it was a connection failure (so the caller need not log it). */
  failed(error: unknown): boolean;
  /** A connection was made or a query answered. */
  succeeded(): void;
  /** Where to log; until then incidents are tracked but not logged (a test's database before its app starts). */
  useLogger(logger: Pick<Logger, 'warn' | 'info'>): void;
}

export function createDatabaseAvailability(): DatabaseAvailability {
  let down = false;
  let logger: Pick<Logger, 'warn' | 'info'> | undefined;
  return {
    get reachable() {
      return !down;
    },
    failed(error) {
      const failure = databaseFailureOf(error);
      if (!failure) return false;
      if (!down) {
        down = true;
        logger?.warn({ code: failure.code, reason: failure.message }, 'database unreachable');
      }
      return true;
    },
    succeeded() {
      if (!down) return;
      down = false;
      logger?.info('database back');
    },
    useLogger(next) {
      logger = next;
    },
  };
}
