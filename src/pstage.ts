import { enqueueSignatureReminders } from './services/signature/signatureReminders';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createApp } from './app';
import type { Clock } from './clock';
import { enableHoldPoints } from './holdPoints';
import { trackRequests } from './httpDrain';
import { ConfigError, type Config } from './config';
import { sealProblem } from './services/signature/sealCertificate';
import type { DevPlatform } from './lti/devPlatform';
import { createLogger } from './middleware/requestLogging';
import { openDatabase, type DatabaseHandle } from './models/database';
import type { Services } from './services';
import type { ToolKeyPairSource } from './lti/toolKeyPairs';
import { createNotificationScheduler } from './services/notifications/scheduler';
import { advanceInternships } from './services/evaluations/advanceInternships';
import { enqueueEvaluationReminders } from './services/evaluations/evaluationReminders';
import { createOutboxFromConfig } from './services/outbox/outboxFromConfig';
import { wakeOutboxAfterWrites } from './services/outbox/wakeAfterWrites';
import { offerSetupCode } from './services/setup/setupCode';
import { agsPostBacksFor } from './services/evaluations/gradePostBack';

export const keepAliveTimeoutMs = 65_000;

/**
 * The port is open before the app is built (its public URL needs the port) and before the migrations ran: every
 * request gets 503, and `/health` says `starting` in the JSON a probe reads once the app answers.
 */
export const answerWhileStarting: http.RequestListener = (req, res) => {
  const headers = { 'retry-after': '1', 'cache-control': 'no-store' };
  if (req.url === '/health' || req.url?.startsWith('/health?')) {
    res.writeHead(503, { ...headers, 'content-type': 'application/json; charset=utf-8' }).end('{"status":"starting"}');
    return;
  }
  res.writeHead(503, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('Pstage is starting');
};

export interface RunningPstage {
  server: http.Server;
  url: string;
  services: Services;
  devPlatform?: DevPlatform;
  stop(): Promise<void>;
}

/**
 * Start-up in one place: database → app → development platform → listen.
 * `configFor(port)` lets a caller listening on port 0 build the public URL once the port is known.
 */
export async function startPstage(options: {
  configFor: (port: number) => Config;
  port: number;
  /** The listen address (HOST); every interface when absent. */
  host?: string;
  database?: DatabaseHandle;
  logger?: Logger;
  /** Today and now for the whole application (tests set it); the system's clock otherwise. */
  clock?: Clock;
  /** Deliver the outbox in the background (mails, LMS post-backs); tests drive it themselves. */
  outboxWorker?: boolean;
  /** How often the outbox worker polls (5 s by default); writing requests wake it at once anyway. */
  outboxPollMs?: number;
  /** Queue the time-driven mails (office digest, start reminders); off in tests unless asked for. */
  notificationScheduler?: boolean;
  /** Where the LTI tool's key pairs come from (see createApp). */
  toolKeyPairs?: ToolKeyPairSource;
  /** On stop, how long requests in progress may take to finish before their connections are cut (8 s by default). */
  shutdownGraceMs?: number;
}): Promise<RunningPstage> {
  const server = http.createServer();
  // Node closes an idle kept-alive connection after 5 s. A client (undici's fetch, a reverse proxy) that sends
  // its next request at that moment, or after the event loop was busy that long, gets ECONNRESET. The server must
  // be the last to close: longer than the usual 60 s of proxies (nginx, load balancers) and clients.
  server.keepAliveTimeout = keepAliveTimeoutMs;
  server.headersTimeout = keepAliveTimeoutMs + 1000;
  // The port is open before the app is built (its public URL needs the port): answer 503 until it is ready.
  server.on('request', answerWhileStarting);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    if (options.host) server.listen(options.port, options.host, resolve);
    else server.listen(options.port, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const config = options.configFor(port);
  const logger = options.logger ?? createLogger(config.logLevel);
  if (config.holdPoints.length > 0) {
    enableHoldPoints(config.holdPoints);
    logger.warn({ holdPoints: config.holdPoints }, 'fault-test hold points enabled');
  }
  if (config.production) {
    const problem = sealProblem(config.signature.seal);
    if (problem) {
      server.close();
      throw new ConfigError([problem]);
    }
  }
  const requests = trackRequests(server);
  let database: DatabaseHandle | undefined;
  try {
    database = options.database ?? (await openDatabase(config.database));
    database.availability.useLogger(logger.child({ component: 'database' }));
    let devPlatform: DevPlatform | undefined;
    const { app, services } = await createApp({
      config,
      database,
      logger,
      clock: options.clock,
      toolKeyPairs: options.toolKeyPairs,
      // Loaded only when enabled: it needs development dependencies that a production install leaves out.
      beforeRoutes: config.devPlatform
        ? async (expressApp, appServices) => {
            const { mountDevelopmentPlatform } = require('./lti/developmentPlatform') as typeof import('./lti/developmentPlatform');
            devPlatform = await mountDevelopmentPlatform(expressApp, appServices);
          }
        : undefined,
    });
    server.off('request', answerWhileStarting);
    server.on('request', app);
    const outbox = createOutboxFromConfig({
      config,
      db: database.db,
      logger,
      ags: agsPostBacksFor(services),
      intervalMs: options.outboxPollMs,
      availability: database.availability,
    });
    if (options.outboxWorker ?? true) {
      outbox.start();
      wakeOutboxAfterWrites(server, outbox.worker);
    }
    const scheduler = createNotificationScheduler({
      db: database.db,
      officeEmail: config.officeEmail,
      logger,
      clock: () => services.clock.now(),
      availability: database.availability,
      signatureReminders: (now) => enqueueSignatureReminders(services.db, { config, now }),
      endOfInternship: async (tx, now) =>
        (await advanceInternships(tx, { config, now })) + (await enqueueEvaluationReminders(tx, { config, now })),
    });
    if (options.notificationScheduler ?? config.environment !== 'test') scheduler.start();
    if (config.setupCodeMinutes > 0 && !config.devPlatform) {
      await offerSetupCode(services.db, services.lti(), {
        now: services.clock.now(),
        minutes: config.setupCodeMinutes,
        publicBaseUrl: config.publicBaseUrl,
        logger,
      });
    }
    const openedDatabase = database;
    return {
      server,
      url: config.publicBaseUrl,
      services,
      devPlatform,
      /** Graceful: no new connection, requests in progress finish (within the grace), the outbox worker ends its delivery. */
      async stop() {
        await requests.drain(options.shutdownGraceMs ?? 8_000);
        await scheduler.stop();
        await outbox.stop();
        await services.lti().close();
        await services.pdfRenderer.close();
        if (!options.database) await openedDatabase.close();
      },
    };
  } catch (error) {
    server.close();
    if (database && !options.database) await database.close();
    throw error;
  }
}
