import { BrowserlessClient } from '../support/browserlessClient';
import { useTestPstage } from '../support/pstage';

const pstage = useTestPstage();

const presentationClaim = 'https://purl.imsglobal.org/spec/lti/claim/launch_presentation';

/** A real login, then the platform's answer with the launch_presentation claim as given. */
async function launchWithTarget(documentTarget: string) {
  const client = new BrowserlessClient(pstage.url);
  const toLogin = await client.request(pstage.devPlatform!.launchUrlFor('camille-martin', 'm1-info'));
  const toPlatform = await client.request(new URL(toLogin.location!, toLogin.url).toString());
  const authRequest = new URL(toPlatform.location!);
  const idToken = await pstage.devPlatform!.signIdToken({
    personaId: 'camille-martin',
    linkId: 'm1-info',
    nonce: authRequest.searchParams.get('nonce')!,
    overrides: { [presentationClaim]: { locale: 'fr-FR', document_target: documentTarget } },
  });
  const launched = await client.request('/lti/launch', { form: { id_token: idToken, state: authRequest.searchParams.get('state')! } });
  expect(launched.status).toBe(303);
  return client;
}

const embedded = (html: string) => html.includes('<body class="pstage-embedded">');

describe('the layout: embedded inside the LMS frame, full in a window of its own', () => {
  it('is embedded when the browser says the page is in a frame, whatever the launch asked', async () => {
    const client = await launchWithTarget('window');
    const page = await client.request('/student', { headers: { 'sec-fetch-dest': 'iframe' } });
    expect(embedded(page.text)).toBe(true);
    expect(page.text).not.toContain('navbar-brand');
    expect(page.text).toMatch(/<nav aria-label="Fil d’Ariane"[^>]*>\s*<ol class="breadcrumb mb-0">/);
  });

  it('is full when the browser says the page is a window of its own (opened in a new tab from the frame)', async () => {
    const client = await launchWithTarget('iframe');
    const page = await client.request('/student', { headers: { 'sec-fetch-dest': 'document' } });
    expect(embedded(page.text)).toBe(false);
    expect(page.text).toContain('<span class="navbar-brand fw-semibold">Pstage</span>');
  });

  it("follows the launch's document_target when the browser does not say", async () => {
    expect(embedded((await (await launchWithTarget('iframe')).request('/student')).text)).toBe(true);
    expect(embedded((await (await launchWithTarget('window')).request('/student')).text)).toBe(false);
  });
});
