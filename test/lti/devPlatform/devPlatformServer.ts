import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { SignJWT } from 'jose';
import request from 'supertest';
import { createDevPlatform, type DevPlatform } from '../../../src/lti/devPlatform';
import { createSigningKey, type SigningKey } from '../../../src/lti/devPlatform/keys';

export interface DevPlatformServer {
  baseUrl: string;
  platform: DevPlatform;
  /** The fake tool's key, published at `${baseUrl}/lti/keys`. */
  toolKey: SigningKey;
  close(): Promise<void>;
}

/** A real listening server with the platform at /dev and a fake tool JWKS at /lti/keys. */
export async function startDevPlatformServer(
  options: { beforePlatform?: (app: express.Express) => void } = {},
): Promise<DevPlatformServer> {
  const app = express();
  options.beforePlatform?.(app);
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const toolKey = await createSigningKey('fake-tool-key');
  app.get('/lti/keys', (_req, res) => {
    res.json({ keys: [toolKey.publicJwk] });
  });
  const platform = await createDevPlatform({ baseUrl });
  app.use('/dev', platform.router);
  return {
    baseUrl,
    platform,
    toolKey,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface AssertionOptions {
  clientId?: string;
  aud?: string;
  expiresIn?: number;
  key?: SigningKey;
  jti?: string;
}

export async function clientAssertion(env: DevPlatformServer, options: AssertionOptions = {}): Promise<string> {
  const clientId = options.clientId ?? env.platform.clientId;
  const key = options.key ?? env.toolKey;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ jti: options.jti ?? crypto.randomUUID() })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(options.aud ?? env.platform.accesstokenEndpoint)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresIn ?? 60))
    .sign(key.privateKey);
}

export function requestToken(env: DevPlatformServer, assertion: string, scope: string) {
  return request(env.baseUrl).post('/dev/platform/token').type('form').send({
    grant_type: 'client_credentials',
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: assertion,
    scope,
  });
}

export async function accessToken(env: DevPlatformServer, scopes: string[]): Promise<string> {
  const response = await requestToken(env, await clientAssertion(env), scopes.join(' '));
  if (response.status !== 200) throw new Error(`token endpoint answered ${response.status}: ${response.text}`);
  return response.body.access_token as string;
}
