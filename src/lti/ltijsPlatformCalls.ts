import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { Platform } from 'ltijs';
import ltijsAuth from 'ltijs/dist/Utils/Auth';
import ltijsHttp from 'ltijs/dist/Utils/Http';
import type { PlatformKeyCache } from './platformKeys';

/*
 * ltijs calls the platform (keyset, access tokens, NRPS) through one `got` instance of its own, with no timeout
 * and two retries of each GET: a platform that never answers would hold a launch, a roster page or an outbox
 * delivery forever. These are the internals of ltijs 5.9 that Pstage adjusts, in one place.
 */

const originalCalls = { get: ltijsHttp.get, post: ltijsHttp.post };
const originalValidateToken = ltijsAuth.validateToken;
let requestTimeoutMs = 5_000;
let keyCache: PlatformKeyCache | undefined;

/** Every call ltijs makes to a platform gives up after `timeoutMs`, once (Pstage's callers decide when to try again). */
export function boundLtijsRequests(timeoutMs: number): void {
  requestTimeoutMs = timeoutMs;
  ltijsHttp.get = (url, options) => originalCalls.get(url, { timeout: { request: requestTimeoutMs }, retry: { limit: 0 }, ...options });
  ltijsHttp.post = (url, options) => originalCalls.post(url, { timeout: { request: requestTimeoutMs }, retry: { limit: 0 }, ...options });
}

/**
 * ltijs fetches the platform's keyset at every launch. This takes the key from `cache` instead and leaves every
 * other check to ltijs (`verifyToken`: signature, audience, algorithm, age, nonce, LTI claims). The checks
 * before the key are ltijs's own, in its order, with its error codes.
 */
export function verifyLaunchesWithKeyCache(cache: PlatformKeyCache): void {
  keyCache = cache;
  ltijsAuth.validateToken = async function validateToken(token, devMode, validationParameters, getPlatform, encryptionKey, database) {
    let kid: string | undefined;
    let alg: string | undefined;
    let claims: { iss?: string; aud?: string | string[] };
    try {
      ({ kid, alg } = decodeProtectedHeader(token));
      claims = decodeJwt(token);
    } catch {
      throw new Error('INVALID_JWT_RECEIVED');
    }
    validationParameters.alg = alg;
    if (!validationParameters.iss) {
      if (!devMode) throw new Error('MISSING_VALIDATION_COOKIE');
    } else if (validationParameters.iss !== claims.iss) throw new Error('ISS_CLAIM_DOES_NOT_MATCH');
    let platform: Platform | false | undefined;
    for (const aud of [claims.aud ?? []].flat()) {
      platform = await getPlatform(String(claims.iss), aud, encryptionKey, database);
      if (platform) break;
    }
    if (!platform) throw new Error('UNREGISTERED_PLATFORM');
    if (!(await platform.platformActive())) throw new Error('PLATFORM_NOT_ACTIVATED');
    const authConfig = await platform.platformAuthConfig();
    if (authConfig?.method !== 'JWK_SET' || !keyCache)
      return originalValidateToken.call(ltijsAuth, token, devMode, validationParameters, getPlatform, encryptionKey, database);
    if (!kid) throw new Error('KID_NOT_FOUND');
    const key = await keyCache.keyFor(authConfig.key, kid);
    return ltijsAuth.verifyToken(token, key, validationParameters, platform, database);
  };
}
