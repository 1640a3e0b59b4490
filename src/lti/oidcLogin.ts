import { randomBytes } from 'node:crypto';
import type { CookieOptions, Request, Response } from 'express';
import type { Platform, Provider } from 'ltijs';
import type { Database } from '../models/database';
import { ltiLoginRepository } from '../models/ltiLoginRepository';
import { loginLifetimeSeconds } from './launchPolicy';
import type { LtiHandlers } from './ltiTool';

/** ltijs's state cookie: named after the state, holding the issuer, signed, one minute. */
export const stateCookieName = (state: string) => `state${state}`;
export const stateCookieMaxAgeMs = 60_000;

/** The cookie a login inside a frame sets, then looks for, before sending the user to the platform. */
export const cookieProbeName = 'pstage_cookie_probe';
const probeParameter = 'cookie_probe';
const forwardedLoginParameters = ['iss', 'login_hint', 'target_link_uri', 'lti_message_hint', 'client_id', 'lti_deployment_id'];

/** The same login, as a GET URL of Pstage's (with the probe step or without). */
function loginUrl(req: Request, params: Record<string, unknown>, probe: boolean): string {
  const query = new URLSearchParams();
  for (const name of forwardedLoginParameters) if (typeof params[name] === 'string') query.set(name, params[name] as string);
  if (probe) query.set(probeParameter, '1');
  return `${req.baseUrl}${req.path}?${query}`;
}

/**
 * The OIDC third-party-initiated login (LTI 1.3 core §5.1.1), in place of ltijs's: the same state cookie
 * and state row, plus a server-side record of (state → nonce, issuer, client) that the launch must match,
 * and a nonce from a cryptographic source (ltijs draws it from Math.random).
 */
export function oidcLoginHandler(deps: {
  provider: Provider;
  db: Database;
  cookieOptions: CookieOptions;
  handlers: Pick<LtiHandlers, 'onRejectedLaunch' | 'onCookielessFrame'>;
  now: () => Date;
}) {
  return async (req: Request, res: Response): Promise<void> => {
    const params = { ...req.query, ...(req.body ?? {}) } as Record<string, unknown>;
    const text = (name: string) => (typeof params[name] === 'string' ? (params[name] as string) : '');
    const iss = text('iss');
    const targetLinkUri = text('target_link_uri');
    if (!iss || !text('login_hint') || !targetLinkUri) return deps.handlers.onRejectedLaunch('MISSING_LOGIN_PARAMETERS', req, res);

    const platform = await findPlatform(deps.provider, iss, text('client_id'));
    if (!platform) return deps.handlers.onRejectedLaunch('LOGIN_UNREGISTERED_PLATFORM', req, res);
    if (!(await platform.platformActive())) return deps.handlers.onRejectedLaunch('LOGIN_PLATFORM_NOT_ACTIVATED', req, res);

    // Inside the LMS frame, first check that the browser keeps a cookie of Pstage's there (a plain or a
    // partitioned one): without any, the state check of the launch would fail. Then the launch can only
    // work in a window of its own (first-party), which the user is offered. Moodle 4.5 has no LTI
    // platform storage (postMessage) to fall back on.
    if (req.get('sec-fetch-dest') === 'iframe') {
      if (params[probeParameter] === undefined) {
        res.cookie(cookieProbeName, '1', { ...deps.cookieOptions, maxAge: stateCookieMaxAgeMs });
        return void res.redirect(302, loginUrl(req, params, true));
      }
      if (!req.signedCookies?.[cookieProbeName]) return deps.handlers.onCookielessFrame(loginUrl(req, params, false), req, res);
      res.clearCookie(cookieProbeName, deps.cookieOptions);
    }

    const clientId = await platform.platformClientId();
    const state = randomBytes(25).toString('hex');
    const nonce = randomBytes(24).toString('base64url');
    const queryStart = targetLinkUri.indexOf('?');
    const redirectUri = queryStart < 0 ? targetLinkUri : targetLinkUri.slice(0, queryStart);
    if (queryStart >= 0) {
      const query = targetLinkUri.slice(queryStart + 1);
      // ltijs adds these parameters back to the launch request once it has validated the id_token.
      await deps.provider.Database.Insert(false, 'state', { state, query: Object.fromEntries(new URLSearchParams(query)) });
    }
    const now = deps.now();
    await ltiLoginRepository.save(
      deps.db,
      {
        state,
        nonce,
        iss,
        clientId,
        relaunchUrl: loginUrl(req, params, false),
        expiresAt: new Date(now.getTime() + loginLifetimeSeconds * 1000),
      },
      now,
    );
    res.cookie(stateCookieName(state), iss, { ...deps.cookieOptions, maxAge: stateCookieMaxAgeMs });

    const authentication = new URL(await platform.platformAuthEndpoint());
    const request: Record<string, string> = {
      response_type: 'id_token',
      response_mode: 'form_post',
      id_token_signed_response_alg: 'RS256',
      scope: 'openid',
      client_id: clientId,
      redirect_uri: redirectUri,
      login_hint: text('login_hint'),
      nonce,
      prompt: 'none',
      state,
    };
    if (text('lti_message_hint')) request.lti_message_hint = text('lti_message_hint');
    if (text('lti_deployment_id')) request.lti_deployment_id = text('lti_deployment_id');
    for (const [name, value] of Object.entries(request)) authentication.searchParams.set(name, value);
    res.redirect(302, authentication.toString());
  };
}

/** Without a client id, the issuer's active registration (a pending look-alike of the same issuer is never chosen). */
async function findPlatform(provider: Provider, iss: string, clientId: string): Promise<Platform | undefined> {
  if (clientId) return (await provider.getPlatform(iss, clientId)) || undefined;
  const platforms = (await provider.getPlatform(iss)) || [];
  for (const platform of platforms) if (await platform.platformActive()) return platform;
  return platforms[0];
}
