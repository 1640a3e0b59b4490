import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import request from 'supertest';
import { claim, createDevPlatform, readAutoPostForm, role, scope } from '../../../src/lti/devPlatform';
import { startDevPlatformServer, type DevPlatformServer } from './devPlatformServer';

let env: DevPlatformServer;
beforeAll(async () => {
  env = await startDevPlatformServer();
});
afterAll(() => env.close());

function authParams(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const params: Record<string, string | undefined> = {
    scope: 'openid',
    response_type: 'id_token',
    response_mode: 'form_post',
    id_token_signed_response_alg: 'RS256',
    prompt: 'none',
    client_id: env.platform.clientId,
    redirect_uri: `${env.baseUrl}/lti/launch`,
    login_hint: 'camille-martin',
    lti_message_hint: 'm1-info',
    lti_deployment_id: env.platform.deploymentId,
    nonce: 'nonce-1',
    state: 'state-1',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

async function launch(
  overrides: Record<string, string | undefined> = {},
): Promise<{ form: ReturnType<typeof readAutoPostForm>; claims: JWTPayload; html: string }> {
  const response = await request(env.baseUrl).get('/dev/platform/auth').query(authParams(overrides));
  expect(response.status).toBe(200);
  const form = readAutoPostForm(response.text);
  const { payload } = await jwtVerify(form.fields.id_token!, createRemoteJWKSet(new URL(env.platform.jwksUrl)), {
    issuer: env.platform.issuer,
    audience: env.platform.clientId,
    algorithms: ['RS256'],
  });
  return { form, claims: payload, html: response.text };
}

describe('development platform launches', () => {
  it('starts a third-party initiated login at the tool login URL', async () => {
    const response = await request(env.baseUrl).get('/dev/launch/camille-martin/global');
    expect(response.status).toBe(302);
    const location = new URL(response.headers.location!);
    expect(`${location.origin}${location.pathname}`).toBe(`${env.baseUrl}/lti/login`);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      iss: env.platform.issuer,
      login_hint: 'camille-martin',
      target_link_uri: `${env.baseUrl}/lti/launch`,
      lti_message_hint: 'global',
      client_id: 'pstage-dev',
      lti_deployment_id: 'dev-deployment-1',
    });
    expect(env.platform.launchUrlFor('camille-martin', 'global')).toBe(`${env.baseUrl}/dev/launch/camille-martin/global`);
  });

  it('refuses to start a launch through a link the persona does not have', async () => {
    const response = await request(env.baseUrl).get('/dev/launch/camille-martin/office');
    expect(response.status).toBe(404);
  });

  it('answers a form that posts a signed id_token and the state to the tool, without inline script', async () => {
    const { form, html } = await launch();
    expect(form.action).toBe(`${env.baseUrl}/lti/launch`);
    expect(form.fields.state).toBe('state-1');
    expect(html).toContain('<script src="/dev/assets/autosubmit.js"></script>');
    expect(html).not.toMatch(/<script>/);
    expect(html).toMatch(/<button type="submit"[^>]*>Continuer<\/button>/);
    const header = decodeProtectedHeader(form.fields.id_token!);
    expect(header.alg).toBe('RS256');
    expect(header.kid).toBeTruthy();
    const script = await request(env.baseUrl).get('/dev/assets/autosubmit.js');
    expect(script.headers['content-type']).toMatch(/javascript/);
  });

  it('puts every LTI 1.3 claim of a student launch from a programme course into the id_token', async () => {
    const { claims } = await launch();
    expect(claims).toMatchObject({
      iss: env.platform.issuer,
      aud: 'pstage-dev',
      azp: 'pstage-dev',
      sub: '101',
      nonce: 'nonce-1',
      name: 'Camille Martin',
      given_name: 'Camille',
      family_name: 'Martin',
      email: 'camille.martin@etu.example.fr',
      [claim.messageType]: 'LtiResourceLinkRequest',
      [claim.version]: '1.3.0',
      [claim.deploymentId]: 'dev-deployment-1',
      [claim.targetLinkUri]: `${env.baseUrl}/lti/launch`,
      [claim.resourceLink]: { id: 'rl-m1-info-convention', title: 'Convention de stage' },
      [claim.roles]: [role.learner],
      [claim.context]: {
        id: 'course-m1-info',
        label: 'M1-INFO',
        title: 'M1 Informatique',
        type: ['http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering'],
      },
      [claim.lis]: { person_sourcedid: '21901234', course_section_sourcedid: 'M1-INFO-2025' },
      [claim.launchPresentation]: { locale: 'fr-FR', document_target: 'iframe', return_url: `${env.baseUrl}/dev/` },
      [claim.toolPlatform]: { product_family_code: 'moodle' },
      [claim.agsEndpoint]: {
        scope: [scope.lineItem, scope.lineItemReadOnly, scope.resultReadOnly, scope.score],
        lineitems: `${env.baseUrl}/dev/platform/ags/course-m1-info/lineitems`,
      },
      [claim.nrps]: { context_memberships_url: `${env.baseUrl}/dev/platform/nrps/course-m1-info/memberships`, service_versions: ['2.0'] },
    });
    expect(claims.exp! - claims.iat!).toBe(300);
    expect(claims[claim.custom]).toEqual({ teaching_hours: '420' });
  });

  it("names the activity's own gradebook column (lineitem) as Moodle does, none for an ungraded activity or a deep-linking request", async () => {
    const column = env.platform.columnOf('m1-info');
    expect(column).toMatchObject({ label: 'Convention de stage', scoreMaximum: 100, resourceLinkId: 'rl-m1-info-convention' });
    expect((await launch()).claims[claim.agsEndpoint]).toMatchObject({ lineitem: column.id });
    expect((await launch({ nonce: 'nonce-2' })).claims[claim.agsEndpoint]).toMatchObject({ lineitem: column.id });

    env.platform.setLinkGraded('m1-info', false);
    try {
      const ungraded = (await launch({ nonce: 'nonce-3' })).claims[claim.agsEndpoint] as Record<string, unknown>;
      expect(ungraded.lineitems).toBe(`${env.baseUrl}/dev/platform/ags/course-m1-info/lineitems`);
      expect(ungraded).not.toHaveProperty('lineitem');
    } finally {
      env.platform.setLinkGraded('m1-info', true);
    }
    const deepLinking = await launch({ login_hint: 'jean-dupont', lti_message_hint: 'm1-info-deep-link', nonce: 'nonce-4' });
    expect(deepLinking.claims[claim.agsEndpoint]).not.toHaveProperty('lineitem');
  });

  it('marks a launch from Orientation-Insertion as the global entry, with the English locale of Élodie', async () => {
    const { claims } = await launch({ login_hint: 'elodie-lefevre', lti_message_hint: 'global' });
    expect(claims[claim.custom]).toEqual({ entry: 'global' });
    expect(claims[claim.roles]).toEqual([role.learner]);
    expect(claims[claim.launchPresentation]).toMatchObject({ locale: 'en' });
    expect(claims[claim.agsEndpoint]).toBeUndefined();
    expect(claims.name).toBe('Élodie Lefèvre');
  });

  it('gives the office its institution and system administrator roles', async () => {
    const { claims } = await launch({ login_hint: 'office', lti_message_hint: 'office' });
    expect(claims[claim.roles]).toEqual([role.institutionAdministrator, role.systemAdministrator]);
  });

  it('sends a deep linking request to the programme head with its settings', async () => {
    const { claims } = await launch({ login_hint: 'jean-dupont', lti_message_hint: 'm1-info-deep-link' });
    expect(claims[claim.messageType]).toBe('LtiDeepLinkingRequest');
    expect(claims[claim.roles]).toEqual([role.instructor]);
    expect(claims[claim.resourceLink]).toBeUndefined();
    expect(claims[claim.deepLinkingSettings]).toMatchObject({
      deep_link_return_url: `${env.baseUrl}/dev/platform/deep-link-return`,
      accept_types: ['ltiResourceLink'],
      accept_presentation_document_targets: ['iframe', 'window'],
      data: expect.any(String),
    });
  });

  it('also accepts the authentication request as a POST', async () => {
    const response = await request(env.baseUrl).post('/dev/platform/auth').type('form').send(authParams());
    expect(response.status).toBe(200);
    expect(readAutoPostForm(response.text).fields.id_token).toBeTruthy();
  });

  it.each([
    ['scope without openid', { scope: 'profile' }, /scope/],
    ['another response_type', { response_type: 'code' }, /response_type/],
    ['another response_mode', { response_mode: 'query' }, /response_mode/],
    ['an unknown client', { client_id: 'nobody' }, /client_id/],
    ['a redirect_uri that is not the tool launch URL', { redirect_uri: 'https://evil.example/launch' }, /redirect_uri/],
    ['an unknown login_hint', { login_hint: 'nobody' }, /login_hint/],
    ['a link the persona does not have', { lti_message_hint: 'l3-chimie' }, /lti_message_hint/],
    ['another deployment', { lti_deployment_id: 'other' }, /lti_deployment_id/],
    ['no nonce', { nonce: undefined }, /nonce/],
    ['no state', { state: undefined }, /state/],
  ])('refuses an authentication request with %s', async (_case, overrides, message) => {
    const response = await request(env.baseUrl).get('/dev/platform/auth').query(authParams(overrides));
    expect(response.status).toBe(400);
    expect(response.text).toMatch(message);
  });
});

describe('crafted id_tokens for the tool rejection tests', () => {
  const keys = () => createRemoteJWKSet(new URL(env.platform.jwksUrl));

  it('signs a valid token like the auth endpoint', async () => {
    const token = await env.platform.signIdToken({ personaId: 'sophie-bernard', linkId: 'l3-chimie', nonce: 'n' });
    const { payload } = await jwtVerify(token, keys(), { issuer: env.platform.issuer, audience: 'pstage-dev' });
    expect(payload[claim.context]).toMatchObject({ id: 'course-l3-chimie' });
  });

  it('signs with a foreign key under the platform kid: the signature does not verify', async () => {
    const token = await env.platform.signIdToken({ personaId: 'camille-martin', linkId: 'm1-info', signWith: 'foreign' });
    await expect(jwtVerify(token, keys())).rejects.toThrow(/signature/);
  });

  it('makes expired tokens, other audiences and removed claims', async () => {
    const expired = await env.platform.signIdToken({ personaId: 'camille-martin', linkId: 'm1-info', expiresIn: -60 });
    await expect(jwtVerify(expired, keys())).rejects.toThrow(/exp/);
    const otherAudience = await env.platform.signIdToken({
      personaId: 'camille-martin',
      linkId: 'm1-info',
      overrides: { aud: 'someone-else' },
    });
    await expect(jwtVerify(otherAudience, keys(), { audience: 'pstage-dev' })).rejects.toThrow(/aud/);
    const noRoles = await env.platform.signIdToken({
      personaId: 'camille-martin',
      linkId: 'm1-info',
      overrides: { [claim.roles]: undefined },
    });
    expect((await jwtVerify(noRoles, keys())).payload[claim.roles]).toBeUndefined();
  });
});

describe('the persona page', () => {
  it('lists personas by role with a labelled launch button per link', async () => {
    const response = await request(env.baseUrl).get('/dev');
    expect(response.status).toBe(200);
    expect(response.text).toContain('<html lang="fr">');
    for (const heading of ['Étudiants', 'Enseignants', 'Service des stages']) expect(response.text).toContain(heading);
    expect(response.text).toContain('href="/dev/launch/jean-dupont/m1-info-deep-link"');
    expect(response.text).toContain('href="/dev/mail"');
    expect(response.text).toContain('href="/dev/gradebook"');
    expect(response.text).toContain('en tant que Camille Martin');
  });
});

describe('in production', () => {
  it('the development platform refuses to start', async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(createDevPlatform({ baseUrl: 'https://pstage.example.fr' })).rejects.toThrow(/production/);
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});
