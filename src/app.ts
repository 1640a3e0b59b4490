import path from 'node:path';
import express, { type Express, type Response } from 'express';
import cookieParser from 'cookie-parser';
import { setUpPartitionedCookies } from './middleware/partitionedCookies';
import { sql } from 'drizzle-orm';
import type { Config } from './config';
import { clockFor, type Clock } from './clock';
import { setUpSecurityHeaders } from './middleware/securityHeaders';
import { setUpSessions } from './middleware/session';
import { setUpCsrf } from './middleware/csrf';
import { initI18n, setUpI18n } from './middleware/i18n';
import { setUpNavigation } from './middleware/authorisation';
import { setUpRequestLogging } from './middleware/requestLogging';
import { errorHandler, notFoundHandler } from './middleware/errorHandler';
import { requireFormContentType, setUpFormBodies } from './middleware/formBodies';
import { refuseNulCharacters } from './middleware/nulCharacters';
import { answerLtiRequestsWhenDatabaseFails, setUpLtiRequests } from './middleware/ltiRequests';
import { setUpLtiTool, type LtiTool } from './lti/ltiTool';
import { createLaunchHandlers, deepLinkingRoutes } from './routes/launch';
import { logoutRoutes } from './routes/logout';
import { studentRoutes } from './routes/student';
import { programmeRoutes } from './routes/programme';
import { officeRoutes } from './routes/office';
import { documentRoutes } from './routes/documents';
import type { Services } from './services';
import type { DatabaseHandle } from './models/database';
import type { Logger } from 'pino';

export interface AppParts {
  app: Express;
  services: Services;
}

const root = path.join(__dirname, '..');

/** The composition root: middleware in order, then LTI, then routes, then 404 and the error handler. */
export async function createApp(options: {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
  /** Today and now for every use case; by default the system's (or PSTAGE_TODAY's outside production). */
  clock?: Clock;
  /** Mounts extra routers before the app's own (the development platform), after the LTI tool is set up. */
  beforeRoutes?: (app: Express, services: Services) => Promise<void> | void;
}): Promise<AppParts> {
  const { config, database, logger } = options;
  await initI18n();
  const secure = config.publicBaseUrl.startsWith('https://');
  let tool: LtiTool | undefined;
  const services: Services = {
    config,
    db: database.db,
    database,
    logger,
    clock: options.clock ?? clockFor(config),
    lti: () => {
      if (!tool) throw new Error('LTI tool not set up');
      return tool;
    },
  };

  const app = express();
  app.set('views', path.join(root, 'views'));
  app.set('view engine', 'ejs');
  app.set('trust proxy', config.production ? 1 : false);
  app.disable('x-powered-by');
  const render = (res: Response, view: string, locals: Record<string, unknown>, status = 200) => {
    app.render(view, locals, (error, html) => {
      if (error) {
        logger.error({ err: error }, 'render failed');
        res.status(500).send('Internal error');
        return;
      }
      res.status(status).type('html').send(html);
    });
  };

  app.use(setUpRequestLogging(logger));
  app.use(setUpSecurityHeaders(config.lmsOrigins, secure));
  app.use('/assets/bootstrap', express.static(path.join(root, 'node_modules/bootstrap/dist'), { maxAge: '7d' }));
  app.use('/assets', express.static(path.join(root, 'public'), { maxAge: config.production ? '1d' : 0 }));
  app.get('/health', async (_req, res) => {
    try {
      await database.db.execute(sql`select 1`);
      database.availability.succeeded();
      res.json({ status: 'ok', database: { kind: database.kind, status: 'ok' } });
    } catch (error) {
      if (!database.availability.failed(error)) logger.error({ err: error }, 'health check failed');
      res.status(503).json({ status: 'error', database: { kind: database.kind, status: 'unreachable' } });
    }
  });
  app.use(setUpPartitionedCookies(secure));
  // ltijs signs its cookies with the encryption key; its own cookie parser is skipped once ours has run.
  app.use(cookieParser(config.encryptionKey));
  app.use(setUpSessions(database.db, secure, { now: () => services.clock.now() }));
  app.use(setUpI18n());

  tool = await setUpLtiTool(database.db, config, createLaunchHandlers({
    db: database.db,
    config,
    render,
    tool: services.lti,
    logError: (error) => logger.error({ err: error }, 'launch failed'),
  }), { logger });
  answerLtiRequestsWhenDatabaseFails(tool.plugin);
  // Pstage's login, registration and launch checks, then ltijs (which parses no body of its own).
  app.use('/lti', setUpLtiRequests(), tool.router, tool.provider.app);
  app.use(setUpFormBodies());
  app.use(refuseNulCharacters());

  if (options.beforeRoutes) await options.beforeRoutes(app, services);

  app.use(requireFormContentType());
  app.use(setUpCsrf());
  app.use(setUpNavigation(database.db));
  app.get('/', (req, res) => {
    if (!req.session) return res.redirect(config.devPlatform ? '/dev' : '/health');
    const homes = { student: '/student', staff: `/programme/${req.session.programmeId}`, office: '/office' } as const;
    res.redirect(homes[req.session.activeRole]);
  });
  app.use(logoutRoutes());
  app.use(deepLinkingRoutes(services.lti, config));
  app.use('/student', studentRoutes(services));
  app.use('/programme', programmeRoutes(services));
  app.use('/office', officeRoutes(services));
  app.use('/documents', documentRoutes(services));

  app.use(notFoundHandler());
  app.use(errorHandler(logger, !config.production, database.availability));
  return { app, services };
}
