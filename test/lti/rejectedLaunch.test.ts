import { users } from '../../src/models/schema';
import type { IdTokenRequest } from '../../src/lti/devPlatform';
import { BrowserlessClient } from '../support/browserlessClient';
import { useTestPstage } from '../support/pstage';

const pstage = useTestPstage();

/** Starts a real login (so the tool sets its state cookie) and stops before the platform answers. */
async function beginLogin(personaId = 'camille-martin', linkId = 'm1-info') {
  const client = new BrowserlessClient(pstage.url);
  const toLogin = await client.request(pstage.devPlatform!.launchUrlFor(personaId, linkId));
  const toPlatform = await client.request(new URL(toLogin.location!, toLogin.url).toString());
  const authRequest = new URL(toPlatform.location!);
  return { client, state: authRequest.searchParams.get('state')!, nonce: authRequest.searchParams.get('nonce')! };
}

async function postLaunch(client: BrowserlessClient, fields: Record<string, string>) {
  return client.request('/lti/launch', { form: fields });
}

async function launchWith(request: Partial<IdTokenRequest>) {
  const { client, state, nonce } = await beginLogin();
  const idToken = await pstage.devPlatform!.signIdToken({ personaId: 'camille-martin', linkId: 'm1-info', nonce, ...request });
  return postLaunch(client, { id_token: idToken, state });
}

async function expectNothingStored() {
  expect(await pstage.database.db.select().from(users)).toHaveLength(0);
}

describe('launches Pstage refuses, with a clear page and nothing stored', () => {
  it('accepts the well-formed control launch (so the refusals below are about one thing each)', async () => {
    const response = await launchWith({});
    expect(response.status).toBe(303);
    expect(response.location).toBe('/student');
  });

  it('refuses a token signed with another key', async () => {
    const response = await launchWith({ signWith: 'foreign' });
    expect(response.status).toBe(401);
    expect(response.text).toContain('la signature du jeton est invalide');
    await expectNothingStored();
  });

  it('refuses a token meant for another tool (wrong audience)', async () => {
    const response = await launchWith({ overrides: { aud: 'another-tool', azp: 'another-tool' } });
    expect(response.status).toBe(401);
    expect(response.text).toContain('Le lancement depuis e-campus a échoué : le jeton n&#39;est pas destiné à Pstage');
    await expectNothingStored();
  });

  it("answers a refused launch in the launch's language: English for an English-speaking student, French by default", async () => {
    const { client, state, nonce } = await beginLogin('elodie-lefevre', 'm1-info');
    const idToken = await pstage.devPlatform!.signIdToken({
      personaId: 'elodie-lefevre',
      linkId: 'm1-info',
      nonce,
      expiresIn: -30,
      issuedIn: -400,
    });
    const response = await postLaunch(client, { id_token: idToken, state });
    expect(response.status).toBe(401);
    expect(response.text).toContain('<html lang="en">');
    expect(response.text).toContain('The launch from e-campus failed: the launch token has expired');

    const unreadable = await postLaunch((await beginLogin()).client, { id_token: 'not-a-jwt', state: 'x' });
    expect(unreadable.status).toBe(401);
    expect(unreadable.text).toContain('<html lang="fr">');
  });

  it('refuses an expired token', async () => {
    const response = await launchWith({ expiresIn: -30, issuedIn: -400 });
    expect(response.status).toBe(401);
    expect(response.text).toContain('le jeton de lancement a expiré');
    await expectNothingStored();
  });

  it("refuses a replayed token, even answering a new login (its nonce is not that login's)", async () => {
    const first = await beginLogin();
    const idToken = await pstage.devPlatform!.signIdToken({ personaId: 'camille-martin', linkId: 'm1-info', nonce: first.nonce });
    expect((await postLaunch(first.client, { id_token: idToken, state: first.state })).status).toBe(303);
    await pstage.database.db.delete(users);
    const second = await beginLogin();
    const replay = await postLaunch(second.client, { id_token: idToken, state: second.state });
    expect(replay.status).toBe(401);
    expect(replay.text).toContain('le jeton de lancement ne correspond pas à la connexion commencée dans ce navigateur');
    await expectNothingStored();
  });

  it('refuses a launch without the state cookie of its login', async () => {
    const { nonce } = await beginLogin();
    const stranger = new BrowserlessClient(pstage.url);
    const idToken = await pstage.devPlatform!.signIdToken({ personaId: 'camille-martin', linkId: 'm1-info', nonce });
    const response = await postLaunch(stranger, { id_token: idToken, state: 'forged' });
    expect(response.status).toBe(401);
    expect(response.text).toContain('la vérification de l&#39;état (state) a échoué');
    await expectNothingStored();
  });

  it('inside the LMS frame, a launch whose state cookie did not come back offers the same login in a new window, in the launch language', async () => {
    for (const [personaId, title, failure] of [
      ['camille-martin', 'Ouvrir Pstage dans une nouvelle fenêtre', 'la vérification de l&#39;état (state) a échoué'],
      ['elodie-lefevre', 'Open Pstage in a new window', 'the state check failed'],
    ]) {
      const { client, state, nonce } = await beginLogin(personaId);
      // The browser did not keep the state cookie (a site rule, a browser without partitioned cookies).
      client.cookies.clear();
      const idToken = await pstage.devPlatform!.signIdToken({ personaId, linkId: 'm1-info', nonce });
      const response = await client.request('/lti/launch', { form: { id_token: idToken, state }, headers: { 'sec-fetch-dest': 'iframe' } });
      expect(response.status).toBe(401);
      expect(response.text).toContain(failure);
      expect(response.text).toContain(title);
      const newWindowUrl = /href="([^"]+)" target="_blank" data-new-window/.exec(response.text)?.[1].replaceAll('&amp;', '&');
      expect(newWindowUrl).toMatch(/^\/lti\/login\?/);
      expect(newWindowUrl).not.toContain('cookie_probe');

      // In a window of its own the same login works.
      const window = new BrowserlessClient(pstage.url);
      const landed = await window.follow(newWindowUrl!);
      expect(landed.url).toMatch(/\/student$/);
    }
  });

  it('outside a frame, or for a state no login of Pstage waits for, the missing cookie stays a plain refusal', async () => {
    const { client, state, nonce } = await beginLogin();
    client.cookies.clear();
    const idToken = await pstage.devPlatform!.signIdToken({ personaId: 'camille-martin', linkId: 'm1-info', nonce });
    const topLevel = await client.request('/lti/launch', { form: { id_token: idToken, state } });
    expect(topLevel.status).toBe(401);
    expect(topLevel.text).not.toContain('data-new-window');
    const forged = await client.request('/lti/launch', {
      form: { id_token: idToken, state: 'forged' },
      headers: { 'sec-fetch-dest': 'iframe' },
    });
    expect(forged.status).toBe(401);
    expect(forged.text).not.toContain('data-new-window');
    await expectNothingStored();
  });

  it('refuses a launch whose state does not match the login', async () => {
    const { client, nonce } = await beginLogin();
    const idToken = await pstage.devPlatform!.signIdToken({ personaId: 'camille-martin', linkId: 'm1-info', nonce });
    const response = await postLaunch(client, { id_token: idToken, state: 'not-the-login-state' });
    expect(response.status).toBe(401);
    await expectNothingStored();
  });

  it('refuses a login from a platform that is not registered', async () => {
    const client = new BrowserlessClient(pstage.url);
    const response = await client.request(
      '/lti/login?iss=https%3A%2F%2Funknown.example.fr&login_hint=x&target_link_uri=' + encodeURIComponent(`${pstage.url}/lti/launch`),
    );
    expect(response.status).toBe(401);
    expect(response.text).toContain('Cette plateforme n&#39;est pas enregistrée auprès de Pstage.');
  });

  it('refuses a launch from a platform registered but still pending', async () => {
    const platform = pstage.devPlatform!;
    await pstage.services.lti().registerPlatform(
      {
        url: platform.issuer,
        name: 'pending',
        clientId: 'pending-client',
        authenticationEndpoint: platform.authenticationEndpoint,
        accesstokenEndpoint: platform.accesstokenEndpoint,
        authConfig: { method: 'JWK_SET', key: platform.jwksUrl },
      },
      false,
    );
    const client = new BrowserlessClient(pstage.url);
    const response = await client.request(
      `/lti/login?iss=${encodeURIComponent(platform.issuer)}&client_id=pending-client&login_hint=camille-martin&target_link_uri=${encodeURIComponent(`${pstage.url}/lti/launch`)}`,
    );
    expect(response.status).toBe(401);
    expect(response.text).toContain('pas encore activée');
  });

  it("answers a refused login (no launch yet to name a language) in the browser's language", async () => {
    const platform = pstage.devPlatform!;
    await pstage.services.lti().registerPlatform(
      {
        url: platform.issuer,
        name: 'pending',
        clientId: 'pending-client',
        authenticationEndpoint: platform.authenticationEndpoint,
        accesstokenEndpoint: platform.accesstokenEndpoint,
        authConfig: { method: 'JWK_SET', key: platform.jwksUrl },
      },
      false,
    );
    const client = new BrowserlessClient(pstage.url);
    const english = { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' };
    const pending = await client.request(
      `/lti/login?iss=${encodeURIComponent(platform.issuer)}&client_id=pending-client&login_hint=camille-martin&target_link_uri=${encodeURIComponent(`${pstage.url}/lti/launch`)}`,
      { headers: english },
    );
    expect(pending.status).toBe(401);
    expect(pending.text).toContain('<html lang="en">');
    expect(pending.text).toContain('This platform is registered but not yet activated by the internship office.');
    const unregistered = await client.request(
      '/lti/login?iss=https%3A%2F%2Funknown.example.fr&login_hint=x&target_link_uri=' + encodeURIComponent(`${pstage.url}/lti/launch`),
      { headers: english },
    );
    expect(unregistered.status).toBe(401);
    expect(unregistered.text).toContain('This platform is not registered with Pstage.');
  });

  it('refuses a launch with no role Pstage knows', async () => {
    const response = await launchWith({
      overrides: { 'https://purl.imsglobal.org/spec/lti/claim/roles': ['http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor'] },
    });
    expect(response.status).toBe(403);
    expect(response.text).toContain('ne donne pas accès à Pstage');
  });

  it('refuses a valid launch with no role Pstage knows in the launch language', async () => {
    const { client, state, nonce } = await beginLogin('elodie-lefevre');
    const idToken = await pstage.devPlatform!.signIdToken({
      personaId: 'elodie-lefevre',
      linkId: 'm1-info',
      nonce,
      overrides: { 'https://purl.imsglobal.org/spec/lti/claim/roles': ['http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor'] },
    });
    const response = await postLaunch(client, { id_token: idToken, state });
    expect(response.status).toBe(403);
    expect(response.text).toContain('<html lang="en">');
    expect(response.text).toContain('Your role in e-campus does not give access to Pstage.');
  });
});
