import { startTestPstage, type TestPstage } from '../support/pstage';

let running: TestPstage;
beforeAll(async () => {
  running = await startTestPstage({ LMS_TIMEOUT_SECONDS: '1' });
}, 90_000);
afterAll(async () => running?.stop());
beforeEach(async () => {
  await running.reset();
  // Each test starts from a cold cache, as a freshly started Pstage has.
  running.services.lti().platformKeys.clear();
});
afterEach(() => running.devPlatform!.setKeysetOutage(null));

async function launchStudent() {
  const { page } = await running.launch('camille-martin', 'm1-info');
  return page;
}

describe("the platform's keys at launch", () => {
  it('fetches the keyset once for 20 launches', async () => {
    const before = running.devPlatform!.keysetRequests();
    for (let launch = 0; launch < 20; launch += 1) {
      const page = await launchStudent();
      expect(page.url).toMatch(/\/student$/);
    }
    expect(running.devPlatform!.keysetRequests() - before).toBe(1);
  });

  it('fetches it again when a token names a key it does not hold (the platform rotated its keys), then keeps the new one', async () => {
    const before = running.devPlatform!.keysetRequests();
    expect((await launchStudent()).url).toMatch(/\/student$/);
    await running.devPlatform!.rotateKey();
    expect((await launchStudent()).url).toMatch(/\/student$/);
    expect(running.devPlatform!.keysetRequests() - before).toBe(2);
    for (let launch = 0; launch < 3; launch += 1) expect((await launchStudent()).url).toMatch(/\/student$/);
    expect(running.devPlatform!.keysetRequests() - before).toBe(2);
  });

  it('keeps launching with the known key while the key endpoint does not answer, and says so for an unknown key', async () => {
    expect((await launchStudent()).url).toMatch(/\/student$/);
    running.devPlatform!.setKeysetOutage('hang');
    const before = running.devPlatform!.keysetRequests();
    for (let launch = 0; launch < 5; launch += 1) expect((await launchStudent()).url).toMatch(/\/student$/);
    // Five launches, none waiting for the endpoint that hangs: none asked it anything (a count, not a duration, so
    // that a loaded machine's slower launches do not fail it).
    expect(running.devPlatform!.keysetRequests() - before).toBe(0);

    await running.devPlatform!.rotateKey();
    const refused = await launchStudent();
    expect(refused.status).toBe(503);
    expect(refused.text).toContain('les clés de la plateforme sont momentanément inaccessibles');
  });
});
