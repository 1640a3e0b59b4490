import { BrowserlessClient } from '../support/browserlessClient';
import { useTestPstage } from '../support/pstage';

const pstage = useTestPstage();

function hiddenField(html: string, name: string): string {
  const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
  if (value === undefined) throw new Error(`no ${name} field`);
  return value.replace(/&amp;/g, '&');
}

describe('dynamic registration (Moodle "LTI Advantage" registration URL)', () => {
  it('registers a platform that stays pending until the office activates it', async () => {
    const admin = new BrowserlessClient(pstage.url);
    const registerPage = await admin.request('/dev/register');
    const query = new URLSearchParams({
      openid_configuration: hiddenField(registerPage.text, 'openid_configuration'),
      registration_token: hiddenField(registerPage.text, 'registration_token'),
    });
    const done = await admin.request(`/lti/register?${query}`);
    expect(done.status).toBe(200);
    expect(done.text).toContain('Le service des stages doit l&#39;activer avant le premier lancement.');
    const [clientId] = pstage.devPlatform!.registeredClientIds();
    expect(clientId).toBeDefined();

    const launchUrl = `${pstage.devPlatform!.launchUrlFor('camille-martin', 'm1-info')}?client_id=${clientId}`;
    const refused = await new BrowserlessClient(pstage.url).follow(launchUrl);
    expect(refused.status).toBe(401);
    expect(refused.text).toContain('pas encore activée');

    const { client: office } = await pstage.launch('office', 'office');
    const platforms = await office.request('/office/platforms');
    expect(platforms.text).toContain('En attente');
    // Shown by what an operator recognises: the LMS's product and host, and its issuer URL (not ltijs's "moodle_DynReg_…").
    expect(platforms.text).toContain(`<td>moodle (${new URL(pstage.devPlatform!.issuer).host})</td><td>${pstage.devPlatform!.issuer}</td>`);
    expect(platforms.text).not.toContain('DynReg');
    const platformIds = [...platforms.text.matchAll(/name="platformId" value="([^"]+)"/g)].map((match) => match[1]);
    const pendingId = platformIds.find((id) => platforms.text.indexOf(id) > platforms.text.indexOf(clientId));
    // The development platform is already active with this issuer: the office must confirm it is the same LMS.
    expect(platforms.text).toContain('Même plateforme qu&#39;une plateforme active');
    const activation = await office.request('/office/platforms', {
      form: { _csrf: BrowserlessClient.csrfToken(platforms.text), platformId: pendingId!, active: 'true', confirmSameIssuer: 'yes' },
    });
    expect(activation.status).toBe(303);

    const accepted = await new BrowserlessClient(pstage.url).follow(launchUrl);
    expect(accepted.status).toBe(200);
    expect(accepted.url).toMatch(/\/student$/);
  });
});

describe("dynamic registration in the administrator's language", () => {
  it('answers in English to a browser that prefers English, the failures too; French otherwise', async () => {
    const admin = new BrowserlessClient(pstage.url);
    const english = { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' };
    const registerPage = await admin.request('/dev/register');
    const query = new URLSearchParams({
      openid_configuration: hiddenField(registerPage.text, 'openid_configuration'),
      registration_token: hiddenField(registerPage.text, 'registration_token'),
    });
    const done = await admin.request(`/lti/register?${query}`, { headers: english });
    expect(done.status).toBe(200);
    expect(done.text).toContain('lang="en"');
    expect(done.text).toContain('The internship office must activate it before the first launch.');

    const failed = await admin.request(
      `/lti/register?${new URLSearchParams({ openid_configuration: query.get('openid_configuration')! })}`,
      {
        headers: english,
      },
    );
    expect(failed.status).toBe(400);
    expect(failed.text).toContain('Registration failed: the registration token (registration_token) is missing');
    const french = await admin.request(
      `/lti/register?${new URLSearchParams({ openid_configuration: query.get('openid_configuration')! })}`,
      {
        headers: { 'accept-language': 'fr-FR,fr;q=0.9' },
      },
    );
    expect(french.text).toContain('lang="fr"');
    expect(french.text).not.toContain('Registration failed');
  });
});

describe('deep linking', () => {
  it('lets a programme head place the programme panel in their course', async () => {
    const { client, page } = await pstage.launch('jean-dupont', 'm1-info-deep-link');
    expect(page.text).toContain('Tableau de bord du responsable');
    const response = await client.follow('/deep-linking', { form: { _csrf: BrowserlessClient.csrfToken(page.text), item: 'panel' } });
    expect(response.status).toBe(200);
    const [placed] = pstage.devPlatform!.deepLinkReturns();
    expect(placed.contentItems).toEqual([
      expect.objectContaining({ type: 'ltiResourceLink', title: 'Tableau de bord du responsable', custom: { target: 'panel' } }),
    ]);
    // The panel is not graded: no gradebook column for it.
    expect(placed.contentItems[0]).not.toHaveProperty('lineItem');
  });

  it("titles and describes the placed items in the instructor's launch language, French by default", async () => {
    const before = pstage.devPlatform!.deepLinkReturns().length;
    const french = await pstage.launch('jean-dupont', 'm1-info-deep-link');
    await french.client.follow('/deep-linking', { form: { _csrf: BrowserlessClient.csrfToken(french.page.text), item: 'student' } });
    expect(pstage.devPlatform!.deepLinkReturns()[before].contentItems[0]).toMatchObject({
      title: 'Convention de stage',
      text: "Le point d'entrée des étudiants : sujet, fiche de liaison, convention.",
    });

    pstage.devPlatform!.setPreferredLanguage('jean-dupont', 'en');
    try {
      for (const item of ['student', 'panel']) {
        const { client, page } = await pstage.launch('jean-dupont', 'm1-info-deep-link');
        expect(page.text).toContain('lang="en"');
        await client.follow('/deep-linking', { form: { _csrf: BrowserlessClient.csrfToken(page.text), item } });
      }
    } finally {
      pstage.devPlatform!.setPreferredLanguage('jean-dupont', undefined);
    }
    const [student, panel] = pstage.devPlatform!.deepLinkReturns().slice(before + 1);
    expect(student.contentItems[0]).toMatchObject({ title: 'Internship agreement', custom: { target: 'student' } });
    expect(student.contentItems[0].text).toMatch(/student/i);
    expect(student.message).toBe('Internship agreement');
    expect(panel.contentItems[0]).toMatchObject({ title: 'Programme head dashboard', custom: { target: 'panel' } });
  });

  it("places the student entry with its own gradebook column (a lineItem), so the LMS creates the activity's column", async () => {
    const before = pstage.devPlatform!.deepLinkReturns().length;
    const { client, page } = await pstage.launch('jean-dupont', 'm1-info-deep-link');
    const response = await client.follow('/deep-linking', { form: { _csrf: BrowserlessClient.csrfToken(page.text), item: 'student' } });
    expect(response.status).toBe(200);
    const placed = pstage.devPlatform!.deepLinkReturns()[before];
    expect(placed.contentItems).toEqual([
      expect.objectContaining({
        type: 'ltiResourceLink',
        custom: { target: 'student' },
        lineItem: { label: placed.contentItems[0].title, scoreMaximum: 6, tag: 'pstage-convention', resourceId: 'pstage-convention' },
      }),
    ]);
  });

  it('refuses a forged deep-linking answer without the CSRF token', async () => {
    const before = pstage.devPlatform!.deepLinkReturns().length;
    const { client } = await pstage.launch('jean-dupont', 'm1-info-deep-link');
    const response = await client.request('/deep-linking', { form: { item: 'panel' } });
    expect(response.status).toBe(403);
    expect(pstage.devPlatform!.deepLinkReturns()).toHaveLength(before);
  });
});
