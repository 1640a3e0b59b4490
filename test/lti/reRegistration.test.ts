import { setPlatformActive } from '../../src/services/office/platforms';
import { BrowserlessClient } from '../support/browserlessClient';
import { useTestPstage } from '../support/pstage';

const pstage = useTestPstage();

/** The registration page Moodle opens for the tool: new (`updatesClientId` absent) or "Update" on an existing tool. */
async function registerFromLms(updatesClientId?: string) {
  const platform = pstage.devPlatform!;
  const query = new URLSearchParams({
    openid_configuration: platform.openidConfigurationUrl,
    registration_token: platform.createRegistrationToken(updatesClientId),
  });
  return new BrowserlessClient(pstage.url).request(`/lti/register?${query}`);
}

async function storedPlatform(clientId: string) {
  const platform = await pstage.services.lti().provider.getPlatform(pstage.devPlatform!.issuer, clientId);
  if (!platform) throw new Error(`no platform with client id ${clientId}`);
  return platform;
}

describe("the LMS's update of a registered tool (Moodle keeps the client id)", () => {
  afterEach(() => pstage.devPlatform!.setOpenidConfigurationOverrides({}));

  it('updates the stored platform (keys address) and keeps it active, with no second platform', async () => {
    expect((await registerFromLms()).status).toBe(200);
    const [clientId] = pstage.devPlatform!.registeredClientIds().slice(-1);
    const registered = await storedPlatform(clientId);
    const kid = await registered.platformKid();
    await setPlatformActive(pstage.services.lti(), pstage.database.db, {
      actorUserId: null,
      platformId: kid,
      active: true,
      sameIssuerConfirmed: true,
    });
    const count = (await pstage.services.lti().provider.getAllPlatforms()).length;

    const rotatedKeys = `${pstage.devPlatform!.issuer}/platform/keys-2027`;
    pstage.devPlatform!.setOpenidConfigurationOverrides({ jwks_uri: rotatedKeys });
    const update = await registerFromLms(clientId);
    expect(update.status).toBe(200);
    expect(update.text).toContain('mise à jour');
    expect(update.text).toContain('data-lti-close');
    expect((await pstage.services.lti().provider.getAllPlatforms()).length).toBe(count);
    const updated = await storedPlatform(clientId);
    expect(await updated.platformKid()).toBe(kid);
    expect(await updated.platformActive()).toBe(true);
    expect((await updated.platformAuthConfig()).key).toBe(rotatedKeys);
  });

  it('keeps a pending platform pending', async () => {
    expect((await registerFromLms()).status).toBe(200);
    const [clientId] = pstage.devPlatform!.registeredClientIds().slice(-1);
    const update = await registerFromLms(clientId);
    expect(update.status).toBe(200);
    expect(update.text).toContain('attend toujours son activation');
    expect(await (await storedPlatform(clientId)).platformActive()).toBe(false);
  });
});
