import express, { Router } from 'express';
import { agsRoutes } from './agsRoutes';
import { deepLinkingRoutes } from './deepLinkingRoutes';
import { Gradebook, type LineItem, type Score } from './gradebook';
import { launchClaims, newNonce, signPlatformJwt, type SignOptions } from './idToken';
import { createSigningKey } from './keys';
import { authenticationRoutes, launchStartRoutes } from './launchRoutes';
import { nrpsRoutes } from './nrpsRoutes';
import { launchPath, pageRoutes } from './pageRoutes';
import { courses, findLink, findPersona, links, personas, type Course, type Link, type Persona } from './personas';
import { newRegistrationToken, registrationRoutes } from './registrationRoutes';
import {
  platformUrls,
  releaseHeld,
  simulateOutage,
  toolKeySet,
  type DeepLinkReturn,
  type Outage,
  type PlatformState,
  type ToolUrls,
} from './state';
import { tokenRoutes } from './tokenRoutes';
import { allScopes } from './vocabulary';

export type { Course, Link, Persona, LineItem, Score, DeepLinkReturn, ToolUrls, SignOptions };
export { courses, links, personas };
export { claim, role, scope } from './vocabulary';
export { readAutoPostForm } from './autoPostForm';

export interface DevPlatformOptions {
  /** Public base URL of Pstage, no trailing slash. */
  baseUrl: string;
  mountPath?: string;
  clientId?: string;
  deploymentId?: string;
  tool?: ToolUrls;
}

export interface IdTokenRequest extends SignOptions {
  personaId: string;
  linkId: string;
  nonce?: string;
  /** Defaults to the configured client. */
  clientId?: string;
}

export interface DevPlatform {
  /** Mount at mountPath; it has its own body parsers. */
  router: express.Router;
  issuer: string;
  clientId: string;
  deploymentId: string;
  authenticationEndpoint: string;
  accesstokenEndpoint: string;
  jwksUrl: string;
  openidConfigurationUrl: string;
  personas: Persona[];
  courses: Course[];
  links: Link[];
  /** The URL (under mountPath) that starts a launch of this persona through this link. */
  launchUrlFor(personaId: string, linkId: string): string;
  /** Make the AGS, NRPS and token endpoints answer 500 (to test retries) or never answer; null ends the outage. */
  setOutage(mode: Outage): void;
  /** The same for the platform's JWKS. */
  setKeysetOutage(mode: Outage): void;
  /** How many times the JWKS was requested since the platform started. */
  keysetRequests(): number;
  /** Signs with a new key from now on; the JWKS publishes both (the new one first). */
  rotateKey(): Promise<void>;
  gradebook(): { lineItems: LineItem[]; scores: Score[] };
  /** Empties the gradebook (line items and scores), as a fresh course would be. */
  clearGradebook(): void;
  /** Scores received on one line item (one gradebook column), oldest first. */
  scoresOn(lineItemId: string): Score[];
  /** The activity's own column of a link, as its launches name it in the AGS claim's `lineitem`. */
  columnOf(linkId: string): LineItem;
  /** Sets the link's activity grade type to "None" (false) or back to points (true), as a Moodle teacher may. */
  setLinkGraded(linkId: string, graded: boolean): void;
  /** Enrols a persona (the site administrator) as a teacher of the course, so the roster (NRPS) lists them; `false` unenrols. */
  setEnrolledAsTeacher(personaId: string, contextId: string, enrolled: boolean): void;
  /** The language a persona chose in their Moodle preferences (sent in their launches' locale); `undefined` restores theirs. */
  setPreferredLanguage(personaId: string, locale: string | undefined): void;
  deepLinkReturns(): DeepLinkReturn[];
  /** Client ids created by dynamic registration, oldest first. */
  registeredClientIds(): string[];
  /** A fresh registration token, as the platform's registration page would give the tool; for an update, the client id kept. */
  createRegistrationToken(updatesClientId?: string): string;
  /** Fields that replace those of the served OpenID configuration (to play a look-alike or a broken platform); `{}` restores it. */
  setOpenidConfigurationOverrides(overrides: Record<string, unknown>): void;
  /** A signed id_token as the auth endpoint would send it, with optional overrides to craft bad ones. */
  signIdToken(request: IdTokenRequest): Promise<string>;
}

/** Refuses to start when NODE_ENV is production: its personas can log in as anyone. */
export async function createDevPlatform(options: DevPlatformOptions): Promise<DevPlatform> {
  if (process.env.NODE_ENV === 'production')
    throw new Error('The development LTI platform refuses to start in production (NODE_ENV=production).');
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const mountPath = options.mountPath ?? '/dev';
  const clientId = options.clientId ?? 'pstage-dev';
  const deploymentId = options.deploymentId ?? 'dev-deployment-1';
  const tool: ToolUrls = options.tool ?? {
    loginUrl: `${baseUrl}/lti/login`,
    launchUrl: `${baseUrl}/lti/launch`,
    jwksUrl: `${baseUrl}/lti/keys`,
    registrationUrl: `${baseUrl}/lti/register`,
  };
  const urls = platformUrls(baseUrl, mountPath);
  const state: PlatformState = {
    urls,
    tool,
    key: await createSigningKey(),
    clients: new Map(),
    defaultClientId: clientId,
    accessTokens: new Map(),
    usedAssertionIds: new Set(),
    registrationTokens: new Map(),
    openidConfigurationOverrides: {},
    gradebook: new Gradebook(urls.lineItemsUrl),
    ungradedLinks: new Set(),
    addedEnrolments: [],
    preferredLanguages: new Map(),
    deepLinkReturns: [],
    outage: null,
    keysetRequests: 0,
    keysetOutage: null,
    held: new Set(),
  };
  state.clients.set(clientId, {
    clientId,
    deploymentId,
    name: 'Pstage',
    loginUrl: tool.loginUrl,
    targetLinkUri: tool.launchUrl,
    redirectUris: [tool.launchUrl],
    jwksUrl: tool.jwksUrl,
    scopes: [...allScopes],
    toolKeys: toolKeySet(tool.jwksUrl),
  });

  const router = Router();
  router.use(express.urlencoded({ extended: false }));
  router.use(express.json({ type: ['application/json', 'application/*+json'] }));
  router.use(['/platform/token', '/platform/ags', '/platform/nrps'], (_req, res, next) => {
    if (!simulateOutage(state, state.outage, res)) next();
  });
  router.use(pageRoutes(state));
  router.use(launchStartRoutes(state));
  router.use(authenticationRoutes(state));
  router.use(tokenRoutes(state));
  router.use(agsRoutes(state));
  router.use(nrpsRoutes(state));
  router.use(deepLinkingRoutes(state));
  router.use(registrationRoutes(state));

  return {
    router,
    issuer: urls.issuer,
    clientId,
    deploymentId,
    authenticationEndpoint: urls.authenticationEndpoint,
    accesstokenEndpoint: urls.accesstokenEndpoint,
    jwksUrl: urls.jwksUrl,
    openidConfigurationUrl: urls.openidConfigurationUrl,
    personas,
    courses,
    links,
    launchUrlFor: (personaId, linkId) => launchPath(state, personaId, linkId),
    setOutage: (mode) => {
      state.outage = mode;
      if (mode !== 'hang' && state.keysetOutage !== 'hang') releaseHeld(state);
    },
    setKeysetOutage: (mode) => {
      state.keysetOutage = mode;
      if (mode !== 'hang' && state.outage !== 'hang') releaseHeld(state);
    },
    keysetRequests: () => state.keysetRequests,
    rotateKey: async () => {
      state.previousKey = state.key;
      state.key = await createSigningKey();
    },
    gradebook: () => state.gradebook.snapshot(),
    clearGradebook: () => state.gradebook.clear(),
    scoresOn: (lineItemId) => state.gradebook.scoresOn(lineItemId),
    columnOf: (linkId) => {
      const link = findLink(linkId);
      if (!link?.gradeMaximum) throw new Error(`The link ${linkId} has no graded activity`);
      return state.gradebook.columnOf(link.contextId, {
        resourceLinkId: link.resourceLinkId,
        title: link.title,
        gradeMaximum: link.gradeMaximum,
      });
    },
    setEnrolledAsTeacher: (personaId, contextId, enrolled) => {
      state.addedEnrolments = state.addedEnrolments.filter((e) => e.personaId !== personaId || e.contextId !== contextId);
      if (enrolled) state.addedEnrolments.push({ personaId, contextId });
    },
    setLinkGraded: (linkId, graded) => {
      if (graded) state.ungradedLinks.delete(linkId);
      else state.ungradedLinks.add(linkId);
    },
    setPreferredLanguage: (personaId, locale) => {
      if (locale) state.preferredLanguages.set(personaId, locale);
      else state.preferredLanguages.delete(personaId);
    },
    deepLinkReturns: () => [...state.deepLinkReturns],
    registeredClientIds: () => [...state.clients.values()].filter((client) => client.registration).map((client) => client.clientId),
    createRegistrationToken: (updatesClientId) => newRegistrationToken(state, updatesClientId),
    setOpenidConfigurationOverrides: (overrides) => {
      state.openidConfigurationOverrides = { ...overrides };
    },
    signIdToken: (request) => signIdToken(state, request),
  };
}

async function signIdToken(state: PlatformState, request: IdTokenRequest): Promise<string> {
  const persona = findPersona(request.personaId);
  const link = findLink(request.linkId);
  const client = state.clients.get(request.clientId ?? state.defaultClientId);
  if (!persona || !link || !client)
    throw new Error(`Unknown persona, link or client: ${request.personaId}, ${request.linkId}, ${request.clientId}`);
  const claims = launchClaims(state, { persona, link, client, nonce: request.nonce ?? newNonce() });
  return signPlatformJwt(state, claims, request);
}

/** Builds a signed id_token for a persona's launch link, with overrides (other key, aud, expired…) for rejection tests. */
export function buildIdToken(platform: DevPlatform, request: IdTokenRequest): Promise<string> {
  return platform.signIdToken(request);
}
