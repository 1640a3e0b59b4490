import { randomBytes } from 'node:crypto';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { decodeJwt, jwtVerify } from 'jose';
import type { PlatformState } from './state';

const assertionType = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const accessTokenLifetimeSeconds = 3600;

function oauthError(res: Response, status: number, error: string, description: string): void {
  res.status(status).json({ error, error_description: description });
}

/** OAuth 2 client-credentials grant with a signed JWT client assertion (LTI Security Framework §4). */
export function tokenRoutes(state: PlatformState): Router {
  const router = Router();
  router.post('/platform/token', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (body.grant_type !== 'client_credentials')
      return oauthError(res, 400, 'unsupported_grant_type', 'grant_type must be client_credentials.');
    if (body.client_assertion_type !== assertionType)
      return oauthError(res, 400, 'invalid_request', `client_assertion_type must be ${assertionType}.`);
    if (typeof body.client_assertion !== 'string' || !body.client_assertion)
      return oauthError(res, 400, 'invalid_request', 'client_assertion is required.');
    let clientId: string;
    try {
      const unverified = decodeJwt(body.client_assertion);
      clientId = String(unverified.iss ?? '');
    } catch {
      return oauthError(res, 400, 'invalid_request', 'client_assertion is not a JWT.');
    }
    const client = state.clients.get(clientId);
    if (!client) return oauthError(res, 401, 'invalid_client', `Unknown client "${clientId}".`);
    let jti: string;
    try {
      const { payload } = await jwtVerify(body.client_assertion, client.toolKeys, {
        issuer: client.clientId,
        subject: client.clientId,
        audience: [state.urls.accesstokenEndpoint, state.urls.issuer],
        requiredClaims: ['exp', 'jti'],
      });
      jti = String(payload.jti);
    } catch (error) {
      return oauthError(res, 401, 'invalid_client', `client_assertion rejected: ${(error as Error).message}`);
    }
    if (state.usedAssertionIds.has(`${clientId} ${jti}`))
      return oauthError(res, 401, 'invalid_client', 'client_assertion jti already used.');
    state.usedAssertionIds.add(`${clientId} ${jti}`);
    const requested = typeof body.scope === 'string' ? body.scope.split(' ').filter(Boolean) : [];
    const granted = requested.filter((scope) => client.scopes.includes(scope));
    if (granted.length === 0) return oauthError(res, 400, 'invalid_scope', 'None of the requested scopes is allowed for this client.');
    const accessToken = randomBytes(24).toString('base64url');
    state.accessTokens.set(accessToken, { clientId, scopes: granted, expiresAt: Date.now() + accessTokenLifetimeSeconds * 1000 });
    res.json({ access_token: accessToken, token_type: 'Bearer', expires_in: accessTokenLifetimeSeconds, scope: granted.join(' ') });
  });
  return router;
}

/**
 * Guards an AGS or NRPS route: 401 without a valid bearer token, 403 when the token holds none of `anyOf`.
 * Keeps the client id in res.locals.clientId.
 */
export function requireAccessToken(state: PlatformState, anyOf: string[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.get('authorization') ?? '';
    const [kind, value] = header.split(' ');
    const token = kind?.toLowerCase() === 'bearer' && value ? state.accessTokens.get(value) : undefined;
    if (!token || token.expiresAt <= Date.now()) {
      res
        .status(401)
        .set('WWW-Authenticate', 'Bearer error="invalid_token"')
        .json({ error: 'invalid_token', error_description: 'A valid bearer access token is required.' });
      return;
    }
    if (!anyOf.some((scope) => token.scopes.includes(scope))) {
      res
        .status(403)
        .set('WWW-Authenticate', 'Bearer error="insufficient_scope"')
        .json({ error: 'insufficient_scope', error_description: `One of these scopes is required: ${anyOf.join(' ')}` });
      return;
    }
    res.locals.clientId = token.clientId;
    next();
  };
}
