import { scope } from '../../../src/lti/devPlatform';
import { createSigningKey } from '../../../src/lti/devPlatform/keys';
import { clientAssertion, requestToken, startDevPlatformServer, type DevPlatformServer } from './devPlatformServer';
import request from 'supertest';

let env: DevPlatformServer;
beforeAll(async () => {
  env = await startDevPlatformServer();
});
afterAll(() => env.close());

describe('the OAuth 2 token endpoint', () => {
  it('grants a bearer token for the requested scopes to a client assertion signed by the tool', async () => {
    const response = await requestToken(env, await clientAssertion(env), `${scope.score} ${scope.lineItem}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 3600,
      scope: `${scope.score} ${scope.lineItem}`,
    });
  });

  it('also accepts the issuer as the assertion audience', async () => {
    const response = await requestToken(env, await clientAssertion(env, { aud: env.platform.issuer }), scope.score);
    expect(response.status).toBe(200);
  });

  it('refuses an assertion signed by a key the tool does not publish', async () => {
    const stranger = await createSigningKey(env.toolKey.kid);
    const response = await requestToken(env, await clientAssertion(env, { key: stranger }), scope.score);
    expect(response.status).toBe(401);
    expect(response.body.error).toBe('invalid_client');
  });

  it('refuses an assertion for another audience', async () => {
    const response = await requestToken(env, await clientAssertion(env, { aud: 'https://elsewhere.example/token' }), scope.score);
    expect(response.status).toBe(401);
    expect(response.body.error_description).toMatch(/aud/);
  });

  it('refuses an expired assertion', async () => {
    const response = await requestToken(env, await clientAssertion(env, { expiresIn: -120 }), scope.score);
    expect(response.status).toBe(401);
    expect(response.body.error_description).toMatch(/exp/);
  });

  it('refuses an assertion replayed with the same jti', async () => {
    const assertion = await clientAssertion(env, { jti: 'once' });
    expect((await requestToken(env, assertion, scope.score)).status).toBe(200);
    expect((await requestToken(env, assertion, scope.score)).status).toBe(401);
  });

  it('refuses an unknown client, another grant type and unknown scopes', async () => {
    expect((await requestToken(env, await clientAssertion(env, { clientId: 'nobody' }), scope.score)).status).toBe(401);
    expect((await requestToken(env, await clientAssertion(env), 'https://example.org/other')).body.error).toBe('invalid_scope');
    const wrongGrant = await request(env.baseUrl).post('/dev/platform/token').type('form').send({ grant_type: 'password' });
    expect(wrongGrant.body.error).toBe('unsupported_grant_type');
  });

  it('answers 500 during a simulated outage', async () => {
    env.platform.setOutage('error500');
    try {
      expect((await requestToken(env, await clientAssertion(env), scope.score)).status).toBe(500);
    } finally {
      env.platform.setOutage(null);
    }
  });
});
