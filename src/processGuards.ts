import type { Logger } from 'pino';

/**
 * A request must never end the process: an error that escapes every handler (a callback that throws after its
 * request was answered, a promise nobody awaits) is logged and the server keeps serving the others.
 */
export function guardProcess(logger: Pick<Logger, 'error'>): void {
  process.on('uncaughtException', (error, origin) => logger.error({ err: error, origin }, 'uncaught exception, server kept running'));
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection, server kept running'));
}
