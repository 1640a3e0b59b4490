import { futureSkewSeconds, launchRefusal, nonceLifetimeSeconds, tokenMaxAgeSeconds } from '../../src/lti/launchPolicy';

const now = 1_800_000_000;
const login = { nonce: 'n-1', iss: 'https://moodle.univ.example.fr', clientId: 'pstage' };
const deployment = 'https://purl.imsglobal.org/spec/lti/claim/deployment_id';
const good = { nonce: 'n-1', iss: login.iss, aud: 'pstage', azp: 'pstage', iat: now, exp: now + 300, [deployment]: 'd-1' };

describe('which id_token claims refuse a launch, for the login it answers', () => {
  it.each([
    ['a well-formed token', {}, [], null],
    ['a token of a known deployment', {}, ['d-1'], null],
    ['a token whose clock is a little ahead', { iat: now + futureSkewSeconds }, [], null],
    ['a token without azp, for us alone', { azp: undefined }, [], null],
    ['no nonce', { nonce: undefined }, [], 'NONCE_MISSING'],
    ['the nonce of another login', { nonce: 'n-2' }, [], 'NONCE_DOES_NOT_MATCH_LOGIN'],
    ['another issuer', { iss: 'https://evil.example' }, [], 'ISS_CLAIM_DOES_NOT_MATCH'],
    ['another audience', { aud: 'another-tool' }, [], 'AUD_DOES_NOT_CONTAIN_CLIENTID'],
    ['several audiences without azp', { aud: ['pstage', 'x'], azp: undefined }, [], 'AZP_DOES_NOT_MATCH_CLIENTID'],
    ['azp naming another tool', { azp: 'x' }, [], 'AZP_DOES_NOT_MATCH_CLIENTID'],
    ['no iat', { iat: undefined }, [], 'IAT_OR_EXP_MISSING'],
    ['no exp', { exp: undefined }, [], 'IAT_OR_EXP_MISSING'],
    ['an iat further ahead than the skew', { iat: now + futureSkewSeconds + 1 }, [], 'IAT_IN_THE_FUTURE'],
    ['no deployment', { [deployment]: undefined }, [], 'NO_DEPLOYMENT_ID_CLAIM'],
    ['a deployment not in the list', {}, ['d-2'], 'DEPLOYMENT_NOT_REGISTERED'],
  ])('%s', (_case, overrides, deployments, expected) => {
    const claims: Record<string, unknown> = { ...good, ...overrides };
    for (const [name, value] of Object.entries(overrides)) if (value === undefined) delete claims[name];
    expect(launchRefusal(claims, login, deployments as string[], now)).toBe(expected);
  });

  it('keeps nonces for longer than any token can be accepted (from iat − skew to iat + max age)', () => {
    expect(nonceLifetimeSeconds).toBeGreaterThan(futureSkewSeconds + tokenMaxAgeSeconds);
  });
});
