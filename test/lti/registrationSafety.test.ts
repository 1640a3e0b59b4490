import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createDevPlatform, type DevPlatform } from '../../src/lti/devPlatform';
import { maxPendingPlatforms, registerDynamically } from '../../src/lti/dynamicRegistration';
import { ltiDeploymentRepository } from '../../src/models/ltiDeploymentRepository';
import { auditLog } from '../../src/models/schema';
import { setPlatformActive } from '../../src/services/office/platforms';
import { BrowserlessClient } from '../support/browserlessClient';
import { useTestPstage } from '../support/pstage';
import { missingAnchors, summaryItems } from '../support/errorSummary';

const pstage = useTestPstage();

/** Another server than Pstage's, as a look-alike or broken LMS would be. */
async function startServer(app: express.Express): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function registrationPath(configurationUrl: string, registrationToken?: string): string {
  const query = new URLSearchParams({ openid_configuration: configurationUrl });
  if (registrationToken !== undefined) query.set('registration_token', registrationToken);
  return `/lti/register?${query}`;
}

async function register(configurationUrl: string, registrationToken?: string) {
  return new BrowserlessClient(pstage.url).request(registrationPath(configurationUrl, registrationToken));
}

async function platformCount(): Promise<number> {
  return (await pstage.services.lti().provider.getAllPlatforms()).length;
}

describe('dynamic registration refuses what is not plainly the LMS asking', () => {
  let lookalike: DevPlatform;
  let lookalikeServer: Awaited<ReturnType<typeof startServer>>;
  let remoteHits: string[];
  let brokenServer: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    const app = express();
    const server = await startServer(app);
    lookalike = await createDevPlatform({ baseUrl: server.url });
    app.use('/dev', lookalike.router);
    lookalikeServer = server;

    const broken = express();
    broken.use((req, res, next) => {
      remoteHits.push(`${req.method} ${req.path}`);
      next();
    });
    broken.get('/down/.well-known/openid-configuration', (_req, res) => {
      res.status(500).type('text').send('SECRET-STACK-TRACE of the remote server');
    });
    broken.get('/huge/.well-known/openid-configuration', (_req, res) => {
      res.json({ issuer: 'x', padding: 'p'.repeat(200_000) });
    });
    broken.get('/redirect/.well-known/openid-configuration', (_req, res) => {
      res.redirect('http://169.254.169.254/latest/meta-data/');
    });
    brokenServer = await startServer(broken);
  });
  afterAll(async () => {
    await lookalikeServer.close();
    await brokenServer.close();
  });
  beforeEach(() => {
    remoteHits = [];
    lookalike.setOpenidConfigurationOverrides({});
    pstage.devPlatform!.setOpenidConfigurationOverrides({});
  });

  it('registers the development platform when everything is in order (the control case)', async () => {
    const platform = pstage.devPlatform!;
    const before = await platformCount();
    const done = await register(platform.openidConfigurationUrl, platform.createRegistrationToken());
    expect(done.status).toBe(200);
    expect(await platformCount()).toBe(before + 1);
    const [clientId] = platform.registeredClientIds().slice(-1);
    expect(await ltiDeploymentRepository.list(pstage.database.db, platform.issuer, clientId)).toEqual([platform.deploymentId]);
  });

  it('refuses a look-alike on another server that claims the issuer of the real LMS, and posts nothing to it', async () => {
    lookalike.setOpenidConfigurationOverrides({ issuer: pstage.devPlatform!.issuer });
    const before = await platformCount();
    const refused = await register(lookalike.openidConfigurationUrl, lookalike.createRegistrationToken());
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('l&#39;émetteur déclaré par la configuration n&#39;est pas sur le même site que son adresse');
    expect(lookalike.registeredClientIds()).toEqual([]);
    expect(await platformCount()).toBe(before);
  });

  it('refuses a configuration whose registration endpoint is on another server, and posts nothing there', async () => {
    pstage.devPlatform!.setOpenidConfigurationOverrides({ registration_endpoint: `${brokenServer.url}/collect` });
    const refused = await register(pstage.devPlatform!.openidConfigurationUrl, pstage.devPlatform!.createRegistrationToken());
    expect(refused.status).toBe(400);
    expect(refused.text).toContain(
      'l&#39;adresse d&#39;enregistrement de la plateforme n&#39;est pas sur le même site que sa configuration',
    );
    expect(remoteHits).toEqual([]);
  });

  it('refuses a request without registration token before fetching anything', async () => {
    const refused = await register(`${brokenServer.url}/down/.well-known/openid-configuration`);
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('le jeton d&#39;enregistrement (registration_token) manque');
    expect(remoteHits).toEqual([]);
  });

  it('refuses a configuration address that is not a web address', async () => {
    const refused = await register('file:///etc/passwd', 'token');
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('l&#39;adresse de la configuration n&#39;est pas une adresse https valide');
  });

  it.each([
    ['answers an error', 'down'],
    ['sends a document too large', 'huge'],
    ['redirects elsewhere', 'redirect'],
  ])('says the configuration could not be read when the server %s, without echoing it', async (_case, path) => {
    const refused = await register(`${brokenServer.url}/${path}/.well-known/openid-configuration`, 'token');
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('la configuration de la plateforme n&#39;a pas pu être lue');
    expect(refused.text).not.toContain('SECRET');
    expect(refused.text).not.toContain('169.254');
  });

  it('says the configuration could not be read when nothing listens there, without naming what it tried', async () => {
    const closed = await startServer(express());
    await closed.close();
    const refused = await register(`${closed.url}/.well-known/openid-configuration`, 'token');
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('la configuration de la plateforme n&#39;a pas pu être lue');
    expect(refused.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
  });

  it(`refuses a new registration while ${maxPendingPlatforms} platforms wait for the office`, async () => {
    const plugin = pstage.services.lti().plugin;
    for (let index = 0; index < maxPendingPlatforms; index += 1) {
      const kid = `pending-${index}`;
      await plugin.Insert(false, 'platform', {
        platformName: `pending ${index}`,
        platformUrl: `https://lms${index}.example.fr`,
        clientId: 'c',
        authEndpoint: 'https://x',
        accesstokenEndpoint: 'https://x',
        kid,
        authConfig: { method: 'JWK_SET', key: 'https://x' },
      });
      await plugin.Insert(false, 'platformStatus', { id: kid, active: false });
    }
    const platform = pstage.devPlatform!;
    const registrations = platform.registeredClientIds().length;
    const refused = await register(platform.openidConfigurationUrl, platform.createRegistrationToken());
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('trop de plateformes attendent déjà leur activation');
    expect(platform.registeredClientIds()).toHaveLength(registrations);
  });

  it('keeps a registration pending even with auto-activation when an active platform has its issuer', async () => {
    const platform = pstage.devPlatform!;
    const config = { ...pstage.services.config, dynamicRegistrationAutoActivate: true };
    const deps = { tool: pstage.services.lti(), db: pstage.database.db, config };
    const result = await registerDynamically(deps, {
      configurationUrl: platform.openidConfigurationUrl,
      registrationToken: platform.createRegistrationToken(),
    });
    expect(result).toEqual({ active: false, updated: false });
    const [clientId] = platform.registeredClientIds().slice(-1);
    const registered = await pstage.services.lti().provider.getPlatform(platform.issuer, clientId);
    expect(registered && (await registered.platformActive())).toBe(false);
  });
});

describe('the office activates a platform with the issuer of an active one only once it confirms', () => {
  async function registerSecondTime() {
    const platform = pstage.devPlatform!;
    expect((await register(platform.openidConfigurationUrl, platform.createRegistrationToken())).status).toBe(200);
    const [clientId] = platform.registeredClientIds().slice(-1);
    const registered = await pstage.services.lti().provider.getPlatform(platform.issuer, clientId);
    return { clientId, platformId: await (registered || undefined)!.platformKid() };
  }

  it('shows it as the same platform as an active one and refuses to activate it without the confirmation', async () => {
    const { clientId, platformId } = await registerSecondTime();
    const { client: office } = await pstage.launch('office', 'office');
    const page = await office.request('/office/platforms');
    expect(page.text).toContain('Même plateforme qu&#39;une plateforme active');
    expect(page.text).toContain(`id="confirm-${platformId}"`);

    const unconfirmed = await office.request('/office/platforms', {
      form: { _csrf: BrowserlessClient.csrfToken(page.text), platformId, active: 'true' },
    });
    expect(unconfirmed.status).toBe(303);
    expect(unconfirmed.location).toBe(`/office/platforms#confirm-${platformId}`);
    const withError = await office.request('/office/platforms');
    expect(withError.text).toContain(
      'Cochez la confirmation pour activer une plateforme qui a le même émetteur qu&#39;une plateforme active.',
    );
    // The summary names the checkbox by its own label and links to it.
    expect(summaryItems(withError.text)).toEqual([
      `confirm-${platformId} Je confirme qu&#39;il s&#39;agit de la même plateforme, enregistrée une seconde fois : Cochez la confirmation pour activer une plateforme qui a le même émetteur qu&#39;une plateforme active.`,
    ]);
    expect(missingAnchors(withError.text)).toEqual([]);
    const stillPending = await pstage.services.lti().provider.getPlatformById(platformId);
    expect(stillPending && (await stillPending.platformActive())).toBe(false);
    const refusedLaunch = await new BrowserlessClient(pstage.url).follow(
      `${pstage.devPlatform!.launchUrlFor('camille-martin', 'm1-info')}?client_id=${clientId}`,
    );
    expect(refusedLaunch.status).toBe(401);

    const confirmed = await office.request('/office/platforms', {
      form: { _csrf: BrowserlessClient.csrfToken(withError.text), platformId, active: 'true', confirmSameIssuer: 'yes' },
    });
    expect(confirmed.status).toBe(303);
    const active = await pstage.services.lti().provider.getPlatformById(platformId);
    expect(active && (await active.platformActive())).toBe(true);
    const [audit] = await pstage.database.db.select().from(auditLog);
    expect(audit).toMatchObject({
      action: 'platform.activate',
      targetId: platformId,
      details: { sameIssuerAsActive: true, confirmed: true },
    });
  });

  it('leaves the platform pending when its audit row cannot be written (one transaction for both)', async () => {
    const plugin = pstage.services.lti().plugin;
    const platformUrl = 'https://moodle.sans-audit.example.fr';
    await plugin.Replace(
      false,
      'platform',
      { platformUrl, clientId: 'y' },
      {
        platformName: 'Sans audit',
        platformUrl,
        clientId: 'y',
        authEndpoint: 'https://y',
        accesstokenEndpoint: 'https://y',
        kid: 'unaudited-kid',
        authConfig: { method: 'JWK_SET', key: 'https://y' },
      },
    );
    // An actor that does not exist: the audit row's foreign key refuses it, after the status was written.
    const activation = setPlatformActive(pstage.services.lti(), pstage.database.db, {
      actorUserId: 2_000_000_000,
      platformId: 'unaudited-kid',
      active: true,
      sameIssuerConfirmed: false,
    });
    await expect(activation).rejects.toThrow();
    const platform = (await pstage.services.lti().provider.getPlatformById('unaudited-kid')) || undefined;
    expect(await platform!.platformActive()).toBe(false);
  });

  it('activates a pending platform of a new issuer without asking', async () => {
    // Stored as ltijs stores a registration (no key pair is generated here: that blocks the process for seconds).
    const plugin = pstage.services.lti().plugin;
    await plugin.Replace(
      false,
      'platform',
      { platformUrl: 'https://moodle.autre-univ.example.fr', clientId: 'x' },
      {
        platformName: 'Autre',
        platformUrl: 'https://moodle.autre-univ.example.fr',
        clientId: 'x',
        authEndpoint: 'https://x',
        accesstokenEndpoint: 'https://x',
        kid: 'other-kid',
        authConfig: { method: 'JWK_SET', key: 'https://x' },
      },
    );
    const registered = (await pstage.services.lti().provider.getPlatformById('other-kid')) || undefined;
    expect(await registered!.platformActive()).toBe(false);
    const { client: office } = await pstage.launch('office', 'office');
    const page = await office.request('/office/platforms');
    expect(page.text).not.toContain('Même plateforme');
    const activation = await office.request('/office/platforms', {
      form: { _csrf: BrowserlessClient.csrfToken(page.text), platformId: 'other-kid', active: 'true' },
    });
    expect(activation.location).toBe('/office/platforms');
    expect(await registered!.platformActive()).toBe(true);
  });
});
