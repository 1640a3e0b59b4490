import request from 'supertest';
import { SignJWT } from 'jose';
import { claim, scope } from '../../../src/lti/devPlatform';
import { clientAssertion, requestToken, startDevPlatformServer, type DevPlatformServer } from './devPlatformServer';

let env: DevPlatformServer;
beforeAll(async () => {
  env = await startDevPlatformServer();
});
afterAll(() => env.close());

const toolConfiguration = 'https://purl.imsglobal.org/spec/lti-tool-configuration';

function registrationRequest() {
  return {
    application_type: 'web',
    response_types: ['id_token'],
    grant_types: ['implicit', 'client_credentials'],
    initiate_login_uri: `${env.baseUrl}/lti/login`,
    redirect_uris: [`${env.baseUrl}/lti/launch`],
    client_name: 'Pstage',
    jwks_uri: `${env.baseUrl}/lti/keys`,
    token_endpoint_auth_method: 'private_key_jwt',
    scope: `${scope.score} ${scope.contextMembershipReadOnly}`,
    [toolConfiguration]: {
      domain: new URL(env.baseUrl).host,
      target_link_uri: `${env.baseUrl}/lti/launch`,
      claims: ['iss', 'sub'],
      messages: [{ type: 'LtiResourceLinkRequest' }, { type: 'LtiDeepLinkingRequest' }],
    },
  };
}

async function registrationToken(): Promise<string> {
  const page = await request(env.baseUrl).get('/dev/register');
  expect(page.status).toBe(200);
  return /name="registration_token" value="([^"]+)"/.exec(page.text)![1]!;
}

describe('dynamic registration', () => {
  it('serves the openid configuration of the platform', async () => {
    const response = await request(env.baseUrl).get('/dev/platform/.well-known/openid-configuration');
    expect(response.body).toMatchObject({
      issuer: env.platform.issuer,
      authorization_endpoint: env.platform.authenticationEndpoint,
      token_endpoint: env.platform.accesstokenEndpoint,
      jwks_uri: env.platform.jwksUrl,
      registration_endpoint: `${env.platform.issuer}/register`,
      response_types_supported: ['id_token'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: expect.arrayContaining(['openid', scope.score]),
      'https://purl.imsglobal.org/spec/lti-platform-configuration': {
        product_family_code: 'moodle',
        messages_supported: expect.any(Array),
      },
    });
  });

  it('offers a button that opens the tool registration URL with the configuration and a fresh token', async () => {
    const page = await request(env.baseUrl).get('/dev/register');
    expect(page.text).toContain(`action="${env.baseUrl}/lti/register"`);
    expect(page.text).toContain(`name="openid_configuration" value="${env.baseUrl}/dev/platform/.well-known/openid-configuration"`);
    expect(page.text).toMatch(/<button type="submit"[^>]*>Enregistrer Pstage/);
  });

  it('registers the tool with a new client id per registration, once per token', async () => {
    const token = await registrationToken();
    const first = await request(env.baseUrl)
      .post('/dev/platform/register')
      .set('Authorization', `Bearer ${token}`)
      .send(registrationRequest());
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      client_name: 'Pstage',
      client_id: expect.stringMatching(/^pstage-dynreg-/),
      [toolConfiguration]: { deployment_id: 'dev-deployment-1' },
    });
    const reused = await request(env.baseUrl)
      .post('/dev/platform/register')
      .set('Authorization', `Bearer ${token}`)
      .send(registrationRequest());
    expect(reused.status).toBe(401);
    const second = await request(env.baseUrl)
      .post('/dev/platform/register')
      .set('Authorization', `Bearer ${await registrationToken()}`)
      .send(registrationRequest());
    expect(second.body.client_id).not.toBe(first.body.client_id);
    expect(env.platform.registeredClientIds()).toEqual([first.body.client_id, second.body.client_id]);

    const granted = await requestToken(
      env,
      await clientAssertion(env, { clientId: first.body.client_id }),
      `${scope.score} ${scope.lineItem}`,
    );
    expect(granted.body.scope).toBe(scope.score);
    const launch = await request(env.baseUrl).get('/dev/launch/camille-martin/m1-info').query({ client_id: first.body.client_id });
    expect(new URL(launch.headers.location!).searchParams.get('client_id')).toBe(first.body.client_id);
  });

  it('refuses a registration without a valid token or with an invalid request', async () => {
    expect((await request(env.baseUrl).post('/dev/platform/register').send(registrationRequest())).status).toBe(401);
    const invalid = await request(env.baseUrl)
      .post('/dev/platform/register')
      .set('Authorization', `Bearer ${await registrationToken()}`)
      .send({ ...registrationRequest(), token_endpoint_auth_method: 'client_secret_basic' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toBe('invalid_client_metadata');
  });
});

describe('deep linking return', () => {
  async function deepLinkingResponse(overrides: Record<string, unknown> = {}) {
    return new SignJWT({
      nonce: 'n',
      [claim.deploymentId]: env.platform.deploymentId,
      [claim.messageType]: 'LtiDeepLinkingResponse',
      [claim.version]: '1.3.0',
      [claim.deepLinkingData]: 'm1-info-deep-link:jean-dupont',
      [claim.deepLinkingContentItems]: [
        { type: 'ltiResourceLink', title: 'Convention de stage', url: `${env.baseUrl}/lti/launch`, custom: { panel: 'programme' } },
      ],
      ...overrides,
    })
      .setProtectedHeader({ alg: 'RS256', kid: env.toolKey.kid })
      .setIssuer(env.platform.clientId)
      .setAudience(env.platform.issuer)
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(env.toolKey.privateKey);
  }

  it('verifies the tool response, shows the placed items and keeps them', async () => {
    const response = await request(env.baseUrl)
      .post('/dev/platform/deep-link-return')
      .type('form')
      .send({ JWT: await deepLinkingResponse() });
    expect(response.status).toBe(200);
    expect(response.text).toContain('Convention de stage');
    expect(response.text).toContain('<code>panel</code> = programme');
    expect(env.platform.deepLinkReturns().at(-1)).toMatchObject({
      clientId: 'pstage-dev',
      data: 'm1-info-deep-link:jean-dupont',
      contentItems: [{ title: 'Convention de stage', custom: { panel: 'programme' } }],
    });
  });

  it('refuses a response of another message type or signed by an unknown key', async () => {
    const wrongType = await request(env.baseUrl)
      .post('/dev/platform/deep-link-return')
      .type('form')
      .send({ JWT: await deepLinkingResponse({ [claim.messageType]: 'LtiResourceLinkRequest' }) });
    expect(wrongType.status).toBe(400);
    const forged = (await deepLinkingResponse()).replace(/\.[^.]+$/, '.AAAA');
    const badSignature = await request(env.baseUrl).post('/dev/platform/deep-link-return').type('form').send({ JWT: forged });
    expect(badSignature.status).toBe(400);
    expect((await request(env.baseUrl).post('/dev/platform/deep-link-return').type('form').send({})).status).toBe(400);
  });
});
