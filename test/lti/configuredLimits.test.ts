import { rateLimits } from '../../src/models/schema';
import { BrowserlessClient } from '../support/browserlessClient';
import { startTestPstage, type TestPstage } from '../support/pstage';

let pstage: TestPstage;
beforeAll(async () => {
  pstage = await startTestPstage({ LMS_ORIGINS: 'https://moodle.univ.example.fr', LAUNCH_RATE_LIMIT: '3', REGISTRATION_RATE_LIMIT: '2' });
});
afterAll(async () => pstage?.stop());
beforeEach(async () => pstage.reset());

function registrationPath(token: string): string {
  const query = new URLSearchParams({ openid_configuration: pstage.devPlatform!.openidConfigurationUrl, registration_token: token });
  return `/lti/register?${query}`;
}

describe('with LMS_ORIGINS set, dynamic registration', () => {
  it('refuses a configuration URL outside the allowed LMS origins, and posts nothing', async () => {
    const platform = pstage.devPlatform!;
    const before = platform.registeredClientIds().length;
    const refused = await new BrowserlessClient(pstage.url).request(registrationPath(platform.createRegistrationToken()));
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('l&#39;adresse de la configuration n&#39;est pas celle d&#39;une plateforme autorisée (LMS_ORIGINS)');
    expect(platform.registeredClientIds()).toHaveLength(before);
  });
});

describe('rate limits, counted in the database', () => {
  it('answers 429 with a friendly page once an address has launched too often in a minute', async () => {
    // A launch is two requests to the limiter: the login, then the id_token post.
    const { page } = await pstage.launch('camille-martin', 'm1-info');
    expect(page.url).toMatch(/\/student$/);
    const client = new BrowserlessClient(pstage.url);
    const toLogin = await client.request(pstage.devPlatform!.launchUrlFor('camille-martin', 'm1-info'));
    const third = await client.request(new URL(toLogin.location!, toLogin.url).toString());
    expect(third.status).toBe(302);
    const fourth = await fetch(new URL(toLogin.location!, toLogin.url), { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await fourth.text()).toContain('Trop de demandes en peu de temps depuis votre connexion. Patientez une minute, puis réessayez.');
    const [counter] = await pstage.database.db.select().from(rateLimits);
    expect(counter).toMatchObject({ key: expect.stringMatching(/^launch:.*127\.0\.0\.1$/), hits: 4 });
  });

  it('limits dynamic registrations per address, whether they succeed or not', async () => {
    const client = new BrowserlessClient(pstage.url);
    expect((await client.request(registrationPath('a'))).status).toBe(400);
    expect((await client.request(registrationPath('b'))).status).toBe(400);
    const third = await client.request(registrationPath('c'));
    expect(third.status).toBe(429);
    expect(third.text).toContain('Trop de demandes');
  });

  it("answers the refused registration in the administrator's browser language: English when preferred", async () => {
    const client = new BrowserlessClient(pstage.url);
    const english = { headers: { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' } };
    expect((await client.request(registrationPath('a'), english)).status).toBe(400);
    expect((await client.request(registrationPath('b'), english)).status).toBe(400);
    const third = await client.request(registrationPath('c'), english);
    expect(third.status).toBe(429);
    expect(third.text).toContain('lang="en"');
    expect(third.text).toContain('Too many requests');
    expect(third.text).not.toContain('Trop de demandes');
  });
});
