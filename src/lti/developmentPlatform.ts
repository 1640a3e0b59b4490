import type { Express } from 'express';
import type { Services } from '../services';
import { devMailRoutes } from '../routes/devMail';
import { createDevPlatform, type DevPlatform } from './devPlatform';

/**
 * Mounts the development LTI platform at /dev (and the development mailbox at /dev/mail) and registers it with the tool (active).
 * Refuses to run in production, whatever the configuration says.
 */
export async function mountDevelopmentPlatform(app: Express, services: Services): Promise<DevPlatform> {
  if (services.config.production) throw new Error('The development platform cannot run in production');
  const platform = await createDevPlatform({ baseUrl: services.config.publicBaseUrl });
  app.use('/dev/mail', devMailRoutes(services.config));
  app.use('/dev', platform.router);
  await registerDevelopmentPlatform(services, platform);
  return platform;
}

/** Registers (or re-registers, idempotently) the development platform with the tool, active. */
export async function registerDevelopmentPlatform(services: Services, platform: DevPlatform): Promise<void> {
  await services.lti().registerPlatform(
    {
      url: platform.issuer,
      name: 'Pstage development platform',
      clientId: platform.clientId,
      authenticationEndpoint: platform.authenticationEndpoint,
      accesstokenEndpoint: platform.accesstokenEndpoint,
      authConfig: { method: 'JWK_SET', key: platform.jwksUrl },
    },
    true,
  );
}
