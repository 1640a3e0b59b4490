import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { generateToolKeyPair } from '../../src/lti/toolKeyPairs';
import { BrowserlessClient } from '../support/browserlessClient';
import { startTestPstage, type TestPstage } from '../support/pstage';

// The production generator, not the tests' pool: what is measured is what a real registration does.
let pstage: TestPstage;
const generations: number[] = [];
// Start-up registers the development platform with a real 4096-bit pair: seconds of CPU, more under load.
beforeAll(async () => {
  const timedGenerator = async () => {
    const started = performance.now();
    const pair = await generateToolKeyPair();
    generations.push(performance.now() - started);
    return pair;
  };
  pstage = await startTestPstage({}, { toolKeyPairs: timedGenerator });
}, 90_000);
afterAll(async () => pstage?.stop());
beforeEach(async () => pstage.reset());

function hiddenField(html: string, name: string): string {
  const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
  if (value === undefined) throw new Error(`no ${name} field`);
  return value.replace(/&amp;/g, '&');
}

async function publishedKey(kid: string): Promise<JsonWebKey & { kid: string }> {
  const keyset = (await (await fetch(`${pstage.url}/lti/keys`)).json()) as { keys: (JsonWebKey & { kid: string })[] };
  const key = keyset.keys.find((candidate) => candidate.kid === kid);
  if (!key) throw new Error(`/lti/keys does not serve the key ${kid}`);
  return key;
}

async function platformOf(clientId: string) {
  const platform = await pstage.services.lti().provider.getPlatform(pstage.devPlatform!.issuer, clientId);
  if (!platform) throw new Error(`platform ${clientId} not registered`);
  return platform;
}

describe("the tool's RSA key pairs", () => {
  it('a dynamic registration makes its 4096-bit key pair without freezing the server', async () => {
    const admin = new BrowserlessClient(pstage.url);
    const registerPage = await admin.request('/dev/register');
    const query = new URLSearchParams({
      openid_configuration: hiddenField(registerPage.text, 'openid_configuration'),
      registration_token: hiddenField(registerPage.text, 'registration_token'),
    });
    const delay = monitorEventLoopDelay({ resolution: 10 });
    generations.length = 0;
    delay.enable();
    let registered = false;
    const registration = admin.request(`/lti/register?${query}`).finally(() => {
      registered = true;
    });
    let healthAnswers = 0;
    while (!registered) {
      expect((await fetch(`${pstage.url}/health`)).status).toBe(200);
      healthAnswers += 1;
    }
    delay.disable();

    expect((await registration).status).toBe(200);
    expect(healthAnswers).toBeGreaterThan(0);
    // Generated synchronously, a 4096-bit pair (0.6 to 5 s here, more under load) would hold the event loop
    // for the whole generation; off the loop, the longest stall is a small part of it, whatever the load.
    expect(generations).toHaveLength(1);
    expect(delay.max / 1e6).toBeLessThan(Math.max(500, generations[0] / 2));
    const [clientId] = pstage.devPlatform!.registeredClientIds();
    const key = await publishedKey(await (await platformOf(clientId)).platformKid());
    expect(createPublicKey({ key, format: 'jwk' }).asymmetricKeyDetails?.modulusLength).toBe(4096);
  });

  it('the platform accepts what the tool signs with its private key, checked against the public key on /lti/keys', async () => {
    const platform = await platformOf(pstage.devPlatform!.clientId);
    await publishedKey(await platform.platformKid());
    const token = await platform.platformAccessToken('https://purl.imsglobal.org/spec/lti-ags/scope/score');
    expect(token.access_token).toEqual(expect.any(String));
    const { page } = await pstage.launch('camille-martin', 'm1-info');
    expect(page.url).toMatch(/\/student$/);
  });
});
