// First: V8's heap tuning, before anything else allocates.
import './heapTuning';
import { ConfigError, loadConfig } from './config';
import { LtiStartupError } from './lti/ltiTool';
import { createLogger } from './middleware/requestLogging';
import { guardProcess } from './processGuards';
import { startPstage } from './pstage';

/** Requests in progress get this long to finish on SIGTERM; the process gives up a little later whatever happens. */
const shutdownGraceMs = 8_000;

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  guardProcess(logger);
  const running = await startPstage({ configFor: () => config, port: config.port, host: config.host, logger, shutdownGraceMs });
  logger.info(
    {
      url: running.url,
      listen: config.host ?? 'every interface',
      database: running.services.database.kind,
      devPlatform: Boolean(running.devPlatform),
    },
    running.devPlatform ? `Pstage is running on ${running.url} — try it from ${running.url}/dev` : `Pstage is running on ${running.url}`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error('shutdown took too long, exiting');
      process.exit(1);
    }, shutdownGraceMs + 5_000);
    timer.unref();
    try {
      await running.stop();
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  const message =
    error instanceof LtiStartupError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`Pstage could not start: ${message}`);
  process.exit(1);
});
