import type { Response } from 'express';
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import type { SigningKey } from './keys';
import type { Gradebook } from './gradebook';

export interface ToolUrls {
  loginUrl: string;
  launchUrl: string;
  jwksUrl: string;
  registrationUrl: string;
}

/** A tool registration (client) known to the platform: the configured one, then one per dynamic registration. */
export interface Client {
  clientId: string;
  deploymentId: string;
  name: string;
  loginUrl: string;
  targetLinkUri: string;
  redirectUris: string[];
  jwksUrl: string;
  scopes: string[];
  registration?: Record<string, unknown>;
  toolKeys: JWTVerifyGetKey;
}

export interface AccessToken {
  clientId: string;
  scopes: string[];
  expiresAt: number;
}

export interface DeepLinkReturn {
  clientId: string;
  receivedAt: string;
  message?: string;
  data?: unknown;
  contentItems: Array<Record<string, unknown>>;
}

export interface PlatformUrls {
  baseUrl: string;
  mountPath: string;
  devUrl: string;
  issuer: string;
  authenticationEndpoint: string;
  accesstokenEndpoint: string;
  jwksUrl: string;
  openidConfigurationUrl: string;
  registrationEndpoint: string;
  deepLinkReturnUrl: string;
  lineItemsUrl(contextId: string): string;
  membershipsUrl(contextId: string): string;
}

export interface PlatformState {
  urls: PlatformUrls;
  tool: ToolUrls;
  key: SigningKey;
  /** The key before the last rotation, still published (as a platform does while tokens signed with it live). */
  previousKey?: SigningKey;
  /** How many times the JWKS was requested. */
  keysetRequests: number;
  keysetOutage: Outage;
  clients: Map<string, Client>;
  defaultClientId: string;
  accessTokens: Map<string, AccessToken>;
  usedAssertionIds: Set<string>;
  /** Registration tokens and their expiry; one made for an update names the client id it updates (as Moodle's "Update"). */
  registrationTokens: Map<string, { expiresAt: number; updatesClientId?: string }>;
  /** Replaces fields of the served OpenID configuration: a look-alike claiming another platform's issuer, a bad endpoint. */
  openidConfigurationOverrides: Record<string, unknown>;
  gradebook: Gradebook;
  /** Links whose activity has no grade (Moodle's grade type "None"): their launches carry `lineitems` but no `lineitem`. */
  ungradedLinks: Set<string>;
  /** Enrolments added while running (e.g. the site administrator enrolled as a teacher): the roster lists them. */
  addedEnrolments: Array<{ personaId: string; contextId: string }>;
  /** Languages personas chose in their Moodle preferences, in place of their usual one. */
  preferredLanguages: Map<string, string>;
  deepLinkReturns: DeepLinkReturn[];
  outage: Outage;
  /** Requests held without answer during a `hang` outage, ended when it ends. */
  held: Set<Response>;
}

/** `error500`: the endpoints answer 500; `hang`: they never answer (a stalled LMS). */
export type Outage = null | 'error500' | 'hang';

export function platformUrls(baseUrl: string, mountPath: string): PlatformUrls {
  const devUrl = `${baseUrl}${mountPath}`;
  const issuer = `${devUrl}/platform`;
  return {
    baseUrl,
    mountPath,
    devUrl,
    issuer,
    authenticationEndpoint: `${issuer}/auth`,
    accesstokenEndpoint: `${issuer}/token`,
    jwksUrl: `${issuer}/jwks`,
    openidConfigurationUrl: `${issuer}/.well-known/openid-configuration`,
    registrationEndpoint: `${issuer}/register`,
    deepLinkReturnUrl: `${issuer}/deep-link-return`,
    lineItemsUrl: (contextId) => `${issuer}/ags/${encodeURIComponent(contextId)}/lineitems`,
    membershipsUrl: (contextId) => `${issuer}/nrps/${encodeURIComponent(contextId)}/memberships`,
  };
}

/** Tool keys are fetched on demand; a short cache lets a tool that adds a key be seen at once. */
export function toolKeySet(jwksUrl: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 0, cacheMaxAge: 5_000 });
}

/** Answers for an endpoint that is down (true), or leaves the request to it (false). */
export function simulateOutage(state: PlatformState, outage: Outage, res: Response): boolean {
  if (outage === 'error500') {
    res.status(500).json({ error: 'server_error', error_description: 'Simulated outage of the development platform.' });
    return true;
  }
  if (outage === 'hang') {
    state.held.add(res);
    res.once('close', () => state.held.delete(res));
    return true;
  }
  return false;
}

/** Ends the requests a `hang` outage held (their clients have usually given up already). */
export function releaseHeld(state: PlatformState): void {
  for (const res of state.held) res.destroy();
  state.held.clear();
}
