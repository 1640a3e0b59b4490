import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { loadConfig } from '../../src/config';
import { createDevPlatform, type DevPlatform } from '../../src/lti/devPlatform';
import { setUpLtiTool } from '../../src/lti/ltiTool';
import { openDatabase } from '../../src/models/database';
import { BrowserlessClient } from './browserlessClient';
import { pooledToolKeyPairs } from './toolKeyPool';

/** One score the gradebook was sent: what it was, and whether it kept it (200) or refused it as not newer (409). */
export interface ScorePost {
  userId: string;
  timestamp: string;
  status: number;
}

export interface ExternalLms {
  platform: DevPlatform;
  /** Every score posted to the AGS endpoint, in order of arrival. */
  scorePosts: ScorePost[];
  /** Launches a persona from the LMS into the tool at `toolUrl`, as a browser would. */
  launch(personaId: string, linkId: string): Promise<{ client: BrowserlessClient; page: Awaited<ReturnType<BrowserlessClient['follow']>> }>;
  close(): Promise<void>;
}

/**
 * The development platform as an LMS of its own, on loopback in the test process: it outlives the Pstage
 * processes a test kills or restarts (its gradebook, its keys), and every Pstage instance talks to the same one.
 * `toolUrl` is where the LMS sends browsers (the proxy in front of the instances).
 */
export async function startExternalLms(toolUrl: string): Promise<ExternalLms> {
  const app = express();
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const platform = await createDevPlatform({
    baseUrl,
    tool: {
      loginUrl: `${toolUrl}/lti/login`,
      launchUrl: `${toolUrl}/lti/launch`,
      jwksUrl: `${toolUrl}/lti/keys`,
      registrationUrl: `${toolUrl}/lti/register`,
    },
  });
  const scorePosts: ScorePost[] = [];
  app.use((req, res, next) => {
    if (req.method === 'POST' && req.path.endsWith('/scores'))
      res.once('finish', () => {
        const body = (req.body ?? {}) as { userId?: string; timestamp?: string };
        scorePosts.push({ userId: String(body.userId), timestamp: String(body.timestamp), status: res.statusCode });
      });
    next();
  });
  app.use('/dev', platform.router);
  return {
    platform,
    scorePosts,
    async launch(personaId, linkId) {
      const client = new BrowserlessClient(toolUrl);
      const page = await client.follow(platform.launchUrlFor(personaId, linkId));
      return { client, page };
    },
    close() {
      platform.setOutage(null);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Registers the LMS with the tool in its database (active), as `npm run platform:add` does: through ltijs
 * in this process, so it can be done once per test file only (ltijs allows one setup per process).
 */
export async function registerLms(databaseUrl: string, toolUrl: string, lms: ExternalLms): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, PUBLIC_BASE_URL: toolUrl });
  const database = await openDatabase(config.database);
  const unused = async () => undefined;
  const tool = await setUpLtiTool(
    database.db,
    config,
    {
      onLaunch: unused,
      onDeepLinking: unused,
      onRejectedLaunch: () => undefined,
      onCookielessFrame: () => undefined,
      onDynamicRegistration: unused,
    },
    { keyPairs: pooledToolKeyPairs },
  );
  try {
    await tool.registerPlatform(
      {
        url: lms.platform.issuer,
        name: 'e-campus (test)',
        clientId: lms.platform.clientId,
        authenticationEndpoint: lms.platform.authenticationEndpoint,
        accesstokenEndpoint: lms.platform.accesstokenEndpoint,
        authConfig: { method: 'JWK_SET', key: lms.platform.jwksUrl },
      },
      true,
    );
  } finally {
    await tool.close();
    await database.close();
  }
}
