import { claim, type IdTokenRequest } from '../../src/lti/devPlatform';
import { ltiDeploymentRepository } from '../../src/models/ltiDeploymentRepository';
import { ltiLogins, sessions, users } from '../../src/models/schema';
import { BrowserlessClient } from '../support/browserlessClient';
import { useTestPstage } from '../support/pstage';

const pstage = useTestPstage();

/** A browser that has started a real login with the tool (state cookie set) and stopped before the platform answers. */
async function beginLogin(personaId = 'camille-martin', linkId = 'm1-info') {
  const client = new BrowserlessClient(pstage.url);
  const toLogin = await client.request(pstage.devPlatform!.launchUrlFor(personaId, linkId));
  const toPlatform = await client.request(new URL(toLogin.location!, toLogin.url).toString());
  const authRequest = new URL(toPlatform.location!);
  return { client, state: authRequest.searchParams.get('state')!, nonce: authRequest.searchParams.get('nonce')! };
}

function signFor(nonce: string, request: Partial<IdTokenRequest> = {}) {
  return pstage.devPlatform!.signIdToken({ personaId: 'camille-martin', linkId: 'm1-info', nonce, ...request });
}

async function launchWith(request: Partial<IdTokenRequest>) {
  const { client, state, nonce } = await beginLogin();
  return client.request('/lti/launch', { form: { id_token: await signFor(nonce, request), state } });
}

async function expectNobodyStored() {
  expect(await pstage.database.db.select().from(users)).toHaveLength(0);
  expect(await pstage.database.db.select().from(sessions)).toHaveLength(0);
}

describe('a launch is bound to the login that started it', () => {
  it('refuses student A’s unused id_token posted from another browser with that browser’s own login', async () => {
    const studentA = await beginLogin('camille-martin');
    const tokenOfA = await signFor(studentA.nonce);
    const otherBrowser = await beginLogin('camille-martin');

    const stolen = await otherBrowser.client.request('/lti/launch', { form: { id_token: tokenOfA, state: otherBrowser.state } });
    expect(stolen.status).toBe(401);
    expect(stolen.text).toContain('le jeton de lancement ne correspond pas à la connexion commencée dans ce navigateur');
    await expectNobodyStored();

    const own = await studentA.client.request('/lti/launch', { form: { id_token: tokenOfA, state: studentA.state } });
    expect(own.status).toBe(303);
    expect(own.location).toBe('/student');
  });

  it('answers a login once: the same state posted again, with its cookie, is refused', async () => {
    const { client, state, nonce } = await beginLogin();
    const cookies = new Map(client.cookies);
    const idToken = await signFor(nonce);
    expect((await client.request('/lti/launch', { form: { id_token: idToken, state } })).status).toBe(303);
    const replaying = new BrowserlessClient(pstage.url);
    for (const [name, value] of cookies) replaying.cookies.set(name, value);
    const replay = await replaying.request('/lti/launch', { form: { id_token: idToken, state } });
    expect(replay.status).toBe(401);
    expect(replay.text).toContain('ce lancement ne répond à aucune connexion en cours');
  });

  it('lets only one of two simultaneous posts of the same login through', async () => {
    const { client, state, nonce } = await beginLogin();
    const twin = new BrowserlessClient(pstage.url);
    for (const [name, value] of client.cookies) twin.cookies.set(name, value);
    const idToken = await signFor(nonce);
    const answers = await Promise.all(
      [client, twin].map((browser) => browser.request('/lti/launch', { form: { id_token: idToken, state } })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([303, 401]);
  });

  it('launches through a target link URI with a query (ltijs keeps its parameters in a state row)', async () => {
    const platform = pstage.devPlatform!;
    const client = new BrowserlessClient(pstage.url);
    const login = new URLSearchParams({
      iss: platform.issuer,
      client_id: platform.clientId,
      login_hint: 'camille-martin',
      lti_message_hint: 'm1-info',
      target_link_uri: `${pstage.url}/lti/launch?from=course`,
    });
    const toPlatform = await client.request(`/lti/login?${login}`);
    expect(new URL(toPlatform.location!).searchParams.get('redirect_uri')).toBe(`${pstage.url}/lti/launch`);
    const landing = await client.follow(toPlatform.location!);
    expect(landing.url).toMatch(/\/student$/);
  });

  it('refuses a login request without issuer, login hint or target link URI', async () => {
    const response = await new BrowserlessClient(pstage.url).request(`/lti/login?iss=${encodeURIComponent(pstage.devPlatform!.issuer)}`);
    expect(response.status).toBe(400);
    expect(response.text).toContain('la demande de connexion est incomplète');
  });

  it('stores the login server-side with its nonce, issuer and client, and removes it when the launch uses it', async () => {
    const { client, state, nonce } = await beginLogin();
    const [login] = await pstage.database.db.select().from(ltiLogins);
    expect(login).toMatchObject({ state, nonce, iss: pstage.devPlatform!.issuer, clientId: pstage.devPlatform!.clientId });
    await client.request('/lti/launch', { form: { id_token: await signFor(nonce), state } });
    expect(await pstage.database.db.select().from(ltiLogins)).toHaveLength(0);
  });
});

describe('the dates and nonce of an id_token', () => {
  it('refuses a token dated more than a minute in the future', async () => {
    const response = await launchWith({ issuedIn: 120, expiresIn: 600 });
    expect(response.status).toBe(401);
    expect(response.text).toContain('le jeton est daté dans le futur');
    await expectNobodyStored();
  });

  it('accepts a platform clock a few seconds ahead', async () => {
    const response = await launchWith({ issuedIn: 20 });
    expect(response.status).toBe(303);
  });

  it('refuses a token without nonce', async () => {
    const response = await launchWith({ overrides: { nonce: undefined } });
    expect(response.status).toBe(401);
    expect(response.text).toContain('le jeton de lancement ne contient pas de nonce');
    await expectNobodyStored();
  });

  it.each([['iat'], ['exp']])('refuses a token without %s', async (name) => {
    const response = await launchWith({ overrides: { [name]: undefined } });
    expect(response.status).toBe(401);
    expect(response.text).toContain('le jeton ne dit pas quand il a été émis ni jusqu&#39;à quand il vaut');
    await expectNobodyStored();
  });
});

describe('audience and deployment', () => {
  it.each([
    ['several audiences without azp', { aud: ['pstage-dev', 'another-tool'], azp: undefined }],
    ['azp naming another tool', { aud: ['pstage-dev', 'another-tool'], azp: 'another-tool' }],
    ['azp naming another tool with a single audience', { azp: 'another-tool' }],
  ])('refuses a token with %s', async (_case, overrides) => {
    const response = await launchWith({ overrides });
    expect(response.status).toBe(401);
    expect(response.text).toContain('le jeton n&#39;est pas destiné à Pstage');
    await expectNobodyStored();
  });

  it('records the deployment of the first launch, then refuses another deployment', async () => {
    expect((await launchWith({})).status).toBe(303);
    const platform = pstage.devPlatform!;
    expect(await ltiDeploymentRepository.list(pstage.database.db, platform.issuer, platform.clientId)).toEqual([platform.deploymentId]);
    const response = await launchWith({ overrides: { [claim.deploymentId]: 'another-deployment' } });
    expect(response.status).toBe(401);
    expect(response.text).toContain('ce déploiement de la plateforme n&#39;est pas enregistré auprès de Pstage');
  });

  it('refuses a deployment absent from the list given by `platform:add --deployment-id`', async () => {
    const platform = pstage.devPlatform!;
    await ltiDeploymentRepository.record(pstage.database.db, platform.issuer, platform.clientId, 'the-only-deployment', 'command');
    const response = await launchWith({});
    expect(response.status).toBe(401);
    expect(response.text).toContain('ce déploiement de la plateforme n&#39;est pas enregistré');
    await expectNobodyStored();
    expect((await launchWith({ overrides: { [claim.deploymentId]: 'the-only-deployment' } })).status).toBe(303);
  });
});

describe('deep linking', () => {
  it('answers a Learner’s deep-linking request 403 without a session or any record', async () => {
    const { client, state, nonce } = await beginLogin('camille-martin', 'm1-info');
    const idToken = await signFor(nonce, { linkId: 'm1-info-deep-link' });
    const response = await client.request('/lti/launch', { form: { id_token: idToken, state } });
    expect(response.status).toBe(403);
    await expectNobodyStored();
    expect((await client.request('/student')).status).not.toBe(200);
  });
});
