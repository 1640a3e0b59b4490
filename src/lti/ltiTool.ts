import express, { Router, type CookieOptions, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import ltijsModule, { type IdToken, type PlatformConfig, type Provider } from 'ltijs';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { inBrowserLanguage } from '../middleware/i18n';
import { refuseNulCharacters } from '../middleware/nulCharacters';
import { setUpRateLimit } from '../middleware/rateLimit';
import type { Database } from '../models/database';
import { launchGuard } from './launchGuard';
import { tokenMaxAgeSeconds } from './launchPolicy';
import { LtiDatabasePlugin } from './ltiDatabasePlugin';
import { boundLtijsRequests, verifyLaunchesWithKeyCache } from './ltijsPlatformCalls';
import { createPlatformKeyCache, type PlatformKeyCache } from './platformKeys';
import { oidcLoginHandler } from './oidcLogin';
import { generateToolKeyPair, takeToolKeyPairsFrom, type ToolKeyPairSource } from './toolKeyPairs';

export interface LtiHandlers {
  onLaunch(token: IdToken, req: Request, res: Response): Promise<void>;
  onDeepLinking(token: IdToken, req: Request, res: Response): Promise<void>;
  /** `newWindowUrl`: the launch failed for want of a cookie inside the LMS frame, and works in a window of its own. */
  onRejectedLaunch(reason: string, req: Request, res: Response, newWindowUrl?: string): void;
  /** Inside the LMS frame the browser keeps no Pstage cookie: offer the launch in a window of its own. */
  onCookielessFrame(newWindowUrl: string, req: Request, res: Response): void;
  onDynamicRegistration(req: Request, res: Response): Promise<void>;
}

export interface LtiTool {
  provider: Provider;
  plugin: LtiDatabasePlugin;
  /** Paths relative to the mount point `/lti`. */
  mountPath: '/lti';
  /**
   * Pstage's login, registration and launch checks, to mount at `/lti` just before `provider.app`. ltijs's
   * express 4 app must itself be mounted with `app.use` (its requests inherit the outer app's only then).
   */
  router: Router;
  /** The platforms' keysets, fetched once and kept (every launch's signature is checked with them). */
  platformKeys: PlatformKeyCache;
  /** A platform registered without `active` stays pending until the office activates it. */
  registerPlatform(config: PlatformConfig, active?: boolean): Promise<void>;
  close(): Promise<void>;
}

export class LtiStartupError extends Error {}

/**
 * Sets up ltijs in serverless mode over our database. ltijs keeps one instance per process and calls
 * process.exit when deploy fails: we turn that into an exception so start-up fails with a clear message.
 * Each registered platform gets a key pair from `keyPairs` (a fresh one, made off the event loop, by default).
 */
export async function setUpLtiTool(
  db: Database,
  config: Config,
  handlers: LtiHandlers,
  options: { logger?: Logger; now?: () => Date; keyPairs?: ToolKeyPairSource } = {},
): Promise<LtiTool> {
  const lti = ltijsModule.Provider;
  takeToolKeyPairsFrom(options.keyPairs ?? generateToolKeyPair);
  const plugin = new LtiDatabasePlugin(db, { cleanupIntervalMs: config.environment === 'test' ? 0 : 60_000 });
  const secure = config.publicBaseUrl.startsWith('https://');
  const cookies = secure ? { secure: true, sameSite: 'None' as const } : { secure: false, sameSite: 'Lax' as const };
  lti.setup(
    config.encryptionKey,
    { plugin },
    {
      appRoute: '/launch',
      loginRoute: '/login',
      keysetRoute: '/keys',
      dynRegRoute: '/register',
      cors: false,
      // ltiaas: ltijs validates the launch and hands it to us directly; Pstage keeps its own session afterwards.
      ltiaas: true,
      tokenMaxAge: tokenMaxAgeSeconds,
      cookies,
    },
  );

  lti.onConnect(async (token, req, res) => handlers.onLaunch(token, req, res));
  lti.onDeepLinking(async (token, req, res) => handlers.onDeepLinking(token, req, res));
  lti.onInvalidToken((req, res) => {
    const details = (res.locals.err as { details?: { message?: string } } | undefined)?.details;
    handlers.onRejectedLaunch(details?.message ?? 'default', req, res);
  });
  lti.onSessionTimeout((req, res) => handlers.onRejectedLaunch('default', req, res));
  lti.onUnregisteredPlatform((req, res) => handlers.onRejectedLaunch('LOGIN_UNREGISTERED_PLATFORM', req, res));
  lti.onInactivePlatform((req, res) => handlers.onRejectedLaunch('LOGIN_PLATFORM_NOT_ACTIVATED', req, res));

  await deployWithoutExit(lti);
  boundLtijsRequests(config.lmsTimeoutMs);
  const platformKeys = createPlatformKeyCache({ timeoutMs: config.lmsTimeoutMs, logger: options.logger });
  verifyLaunchesWithKeyCache(platformKeys);

  // Token dates and limiter windows follow the real time, as ltijs's own checks do: never the business clock
  // (which PSTAGE_TODAY moves by whole days outside production).
  const now = options.now ?? (() => new Date());
  // The same options as ltijs's own cookies, so that ltijs finds and clears the state cookies Pstage sets.
  const cookieOptions: CookieOptions = { httpOnly: true, signed: true, secure: cookies.secure, sameSite: secure ? 'none' : 'lax' };
  const launchLimit = setUpRateLimit({
    db,
    name: 'launch',
    windowMs: 60_000,
    limit: config.rateLimits.launchesPerMinute,
    logger: options.logger,
    now,
  });
  const registrationLimit = setUpRateLimit({
    db,
    name: 'registration',
    windowMs: 3_600_000,
    limit: config.rateLimits.registrationsPerHour,
    logger: options.logger,
    now,
  });
  const router = Router();
  router.use(express.urlencoded({ extended: false, limit: '256kb' }), leaveNoBodyToLtijs, refuseNulCharacters());
  router.all('/login', launchLimit, catchErrors(oidcLoginHandler({ provider: lti, db, cookieOptions, handlers, now })));
  router.all(
    '/register',
    inBrowserLanguage(),
    registrationLimit,
    catchErrors((req, res) => handlers.onDynamicRegistration(req, res)),
  );
  router.use(forIdTokenPosts(launchLimit), catchErrors(launchGuard({ db, cookieOptions, handlers, now })));

  return {
    provider: lti,
    plugin,
    platformKeys,
    mountPath: '/lti',
    router,
    async registerPlatform(platform, active) {
      const registered = await lti.registerPlatform(platform);
      if (active !== undefined) await registered.platformActive(active);
    },
    async close() {
      await plugin.Close();
    },
  };
}

/**
 * ltijs's body-parser 1 would parse any body again (JSON, text…), and an id_token arriving that way would
 * skip the launch checks: Pstage has parsed the form bodies, ltijs parses nothing.
 */
function leaveNoBodyToLtijs(req: Request, _res: Response, next: NextFunction) {
  (req as Request & { _body?: boolean })._body = true;
  req.body ??= {};
  next();
}

/** ltijs takes an id_token posted to any of its paths as a launch. */
function forIdTokenPosts(handler: RequestHandler): RequestHandler {
  return (req, res, next) => (req.body?.id_token === undefined ? next() : handler(req, res, next));
}

function catchErrors(handler: (req: Request, res: Response, next: NextFunction) => Promise<void> | void) {
  return (req: Request, res: Response, next: NextFunction) => {
    Promise.resolve(handler(req, res, next)).catch(next);
  };
}

async function deployWithoutExit(lti: Provider): Promise<void> {
  const originalExit = process.exit;
  const sigintListeners = process.listeners('SIGINT');
  let exitRequested = false;
  process.exit = (() => {
    exitRequested = true;
  }) as unknown as typeof process.exit;
  try {
    await lti.deploy({ serverless: true, silent: true });
  } finally {
    process.exit = originalExit;
    // ltijs installs a SIGINT handler that exits: our server owns graceful shutdown.
    for (const listener of process.listeners('SIGINT')) {
      if (!sigintListeners.includes(listener)) process.removeListener('SIGINT', listener);
    }
  }
  if (exitRequested) throw new LtiStartupError('ltijs could not start (its database plugin failed to set up)');
}
