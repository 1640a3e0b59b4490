import type { Request, Response } from 'express';
import ltijsModule, { type IdToken, type PlatformConfig, type Provider } from 'ltijs';
import type { Config } from '../config';
import type { Database } from '../models/database';
import { LtiDatabasePlugin } from './ltiDatabasePlugin';
import { generateToolKeyPair, takeToolKeyPairsFrom, type ToolKeyPairSource } from './toolKeyPairs';

export interface LtiHandlers {
  onLaunch(token: IdToken, req: Request, res: Response): Promise<void>;
  onDeepLinking(token: IdToken, req: Request, res: Response): Promise<void>;
  onRejectedLaunch(reason: string, req: Request, res: Response): void;
  onDynamicRegistration(req: Request, res: Response): Promise<void>;
}

export interface LtiTool {
  provider: Provider;
  plugin: LtiDatabasePlugin;
  /** Paths relative to the mount point `/lti`. */
  mountPath: '/lti';
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
  keyPairs: ToolKeyPairSource = generateToolKeyPair,
): Promise<LtiTool> {
  const lti = ltijsModule.Provider;
  takeToolKeyPairsFrom(keyPairs);
  const plugin = new LtiDatabasePlugin(db, { cleanupIntervalMs: config.environment === 'test' ? 0 : 60_000 });
  const secure = config.publicBaseUrl.startsWith('https://');
  lti.setup(config.encryptionKey, { plugin }, {
    appRoute: '/launch',
    loginRoute: '/login',
    keysetRoute: '/keys',
    dynRegRoute: '/register',
    cors: false,
    // ltiaas: ltijs validates the launch and hands it to us directly; Pstage keeps its own session afterwards.
    ltiaas: true,
    tokenMaxAge: 60,
    cookies: secure ? { secure: true, sameSite: 'None' } : { secure: false, sameSite: 'Lax' },
    dynReg: {
      url: `${config.publicBaseUrl}/lti`,
      name: 'Pstage',
      description: 'Conventions de stage',
      autoActivate: config.dynamicRegistrationAutoActivate,
      useDeepLinking: true,
    },
  });

  lti.onConnect(async (token, req, res) => handlers.onLaunch(token, req, res));
  lti.onDeepLinking(async (token, req, res) => handlers.onDeepLinking(token, req, res));
  lti.onInvalidToken((req, res) => {
    const details = (res.locals.err as { details?: { message?: string } } | undefined)?.details;
    handlers.onRejectedLaunch(details?.message ?? 'default', req, res);
  });
  lti.onSessionTimeout((req, res) => handlers.onRejectedLaunch('default', req, res));
  lti.onUnregisteredPlatform((req, res) => handlers.onRejectedLaunch('LOGIN_UNREGISTERED_PLATFORM', req, res));
  lti.onInactivePlatform((req, res) => handlers.onRejectedLaunch('LOGIN_PLATFORM_NOT_ACTIVATED', req, res));
  (lti as unknown as { onDynamicRegistration(cb: LtiHandlers['onDynamicRegistration']): void }).onDynamicRegistration(
    (req, res) => handlers.onDynamicRegistration(req, res),
  );

  await deployWithoutExit(lti);

  return {
    provider: lti,
    plugin,
    mountPath: '/lti',
    async registerPlatform(platform, active) {
      const registered = await lti.registerPlatform(platform);
      if (active !== undefined) await registered.platformActive(active);
    },
    async close() {
      await plugin.Close();
    },
  };
}

async function deployWithoutExit(lti: Provider): Promise<void> {
  const originalExit = process.exit;
  const sigintListeners = process.listeners('SIGINT');
  let exitRequested = false;
  process.exit = ((() => {
    exitRequested = true;
  }) as unknown) as typeof process.exit;
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
