import type { LtiLogin } from '../models/ltiLoginRepository';

/** How old an id_token may be when it arrives (ltijs's `tokenMaxAge`). */
export const tokenMaxAgeSeconds = 60;
/** How far in the future a platform's clock may date an id_token. */
export const futureSkewSeconds = 60;
/**
 * A token is accepted from `iat − skew` to `iat + max age`: its nonce is kept longer than that, so that it
 * is still known as used for as long as the token could be accepted.
 */
export const nonceLifetimeSeconds = futureSkewSeconds + tokenMaxAgeSeconds + 60;
/** A login must be answered within this time (ltijs's state cookie lives one minute). */
export const loginLifetimeSeconds = 600;

const deploymentClaim = 'https://purl.imsglobal.org/spec/lti/claim/deployment_id';

export type LaunchRefusal =
  | 'NONCE_MISSING'
  | 'NONCE_DOES_NOT_MATCH_LOGIN'
  | 'ISS_CLAIM_DOES_NOT_MATCH'
  | 'AUD_DOES_NOT_CONTAIN_CLIENTID'
  | 'AZP_DOES_NOT_MATCH_CLIENTID'
  | 'IAT_OR_EXP_MISSING'
  | 'IAT_IN_THE_FUTURE'
  | 'NO_DEPLOYMENT_ID_CLAIM'
  | 'DEPLOYMENT_NOT_REGISTERED';

/**
 * What is wrong with an id_token's claims for the login it answers, or null. The signature, expiry and
 * the other LTI claims are ltijs's to check, after this.
 */
export function launchRefusal(
  claims: Record<string, unknown>,
  login: Pick<LtiLogin, 'nonce' | 'iss' | 'clientId'>,
  deployments: readonly string[],
  nowSeconds: number,
): LaunchRefusal | null {
  if (typeof claims.nonce !== 'string' || claims.nonce === '') return 'NONCE_MISSING';
  if (claims.nonce !== login.nonce) return 'NONCE_DOES_NOT_MATCH_LOGIN';
  if (claims.iss !== login.iss) return 'ISS_CLAIM_DOES_NOT_MATCH';
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(login.clientId)) return 'AUD_DOES_NOT_CONTAIN_CLIENTID';
  // OpenID Connect Core §3.1.3.7: with several audiences the authorised party must be given; when given, it is us.
  if ((audiences.length > 1 || claims.azp !== undefined) && claims.azp !== login.clientId) return 'AZP_DOES_NOT_MATCH_CLIENTID';
  if (typeof claims.iat !== 'number' || typeof claims.exp !== 'number') return 'IAT_OR_EXP_MISSING';
  if (claims.iat > nowSeconds + futureSkewSeconds) return 'IAT_IN_THE_FUTURE';
  const deploymentId = claims[deploymentClaim];
  if (typeof deploymentId !== 'string' || deploymentId === '') return 'NO_DEPLOYMENT_ID_CLAIM';
  if (deployments.length > 0 && !deployments.includes(deploymentId)) return 'DEPLOYMENT_NOT_REGISTERED';
  return null;
}
