import type { CookieOptions, NextFunction, Request, Response } from 'express';
import { decodeJwt } from 'jose';
import type { Database } from '../models/database';
import { ltiDeploymentRepository } from '../models/ltiDeploymentRepository';
import { ltiLoginRepository } from '../models/ltiLoginRepository';
import { launchRefusal } from './launchPolicy';
import type { LtiHandlers } from './ltiTool';
import { stateCookieName } from './oidcLogin';

/**
 * Runs before ltijs on every request that posts an id_token: the token must answer a login started in this
 * browser (its state cookie) and recorded by Pstage, with that login's nonce, issuer and client, once.
 * ltijs then checks the signature, the expiry and the LTI claims.
 */
export function launchGuard(deps: {
  db: Database;
  cookieOptions: CookieOptions;
  handlers: Pick<LtiHandlers, 'onRejectedLaunch'>;
  now: () => Date;
}) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const idToken: unknown = req.body?.id_token;
    if (idToken === undefined) return next();
    const state = typeof req.body.state === 'string' ? req.body.state : '';
    const refuse = (reason: string) => {
      if (state) res.clearCookie(stateCookieName(state), deps.cookieOptions);
      deps.handlers.onRejectedLaunch(reason, req, res);
    };
    if (typeof idToken !== 'string') return refuse('INVALID_JWT_RECEIVED');
    let claims: Record<string, unknown>;
    try {
      claims = decodeJwt(idToken);
    } catch {
      return refuse('INVALID_JWT_RECEIVED');
    }
    const now = deps.now();
    if (!state || !req.signedCookies?.[stateCookieName(state)]) {
      // A login of this browser's is waiting for this state, but its cookie did not come back: inside the LMS frame,
      // the browser keeps no cookie of Pstage's. The same login in a window of its own (first-party) works.
      const waiting = state && req.get('sec-fetch-dest') === 'iframe' ? await ltiLoginRepository.consume(deps.db, state, now) : undefined;
      if (waiting?.relaunchUrl) return deps.handlers.onRejectedLaunch('MISSING_VALIDATION_COOKIE', req, res, waiting.relaunchUrl);
      return refuse('MISSING_VALIDATION_COOKIE');
    }
    const login = await ltiLoginRepository.consume(deps.db, state, now);
    if (!login) return refuse('LOGIN_NOT_FOUND');
    const deployments = await ltiDeploymentRepository.list(deps.db, login.iss, login.clientId);
    const refusal = launchRefusal(claims, login, deployments, Math.floor(now.getTime() / 1000));
    if (refusal) return refuse(refusal);
    next();
  };
}
