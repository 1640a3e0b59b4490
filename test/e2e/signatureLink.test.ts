import { eq } from 'drizzle-orm';
import { signatureRequests } from '../../src/models/schema';
import { useSignatureMailbox } from '../support/signatureMailbox';
import { sentForSignature } from '../support/signatureCircuit';
import { submitConventionAsStudent } from '../support/studentJourney';
import { validateAsOffice } from '../services/office/officeJourney';
import { expectAccessible, useBrowserTest } from './browser';

const { pstage, browser } = useBrowserTest();
const mailbox = useSignatureMailbox(pstage);
const { deliver, linkIn, codeIn } = mailbox;
beforeEach(() => pstage.reset());

describe('the electronic signature, in a real browser', () => {
  it('the office sends for signature; the host signatory opens the link from the mail, reads the PDF, asks for the code and signs with it; axe on every page', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    await validateAsOffice(pstage, convention.id);
    const context = await browser.newContext({ locale: 'fr-FR' });
    const office = await context.newPage();
    // Each navigation waits for the page's load: the signing page frames the convention PDF, rendered on request,
    // which takes seconds on a loaded machine. A bound, not a timing assertion.
    office.setDefaultTimeout(60_000);
    await office.goto(pstage.devPlatform!.launchUrlFor('office', 'office'));
    await office.waitForURL(/\/office$/);
    await office.goto(`${pstage.url}/office/conventions/${convention.id}`);
    await office.getByRole('button', { name: 'Envoyer à la signature électronique' }).click();
    await office.locator('#signature-requests').waitFor();
    await expectAccessible(office);
    await context.close();

    await deliver();
    const [host] = await pstage.database.db.select().from(signatureRequests).where(eq(signatureRequests.party, 'host_signatory'));
    // The signatory has no account and no LMS: a fresh browser, only the link.
    const signatory = await browser.newContext({ locale: 'fr-FR' });
    // The page frames the PDF, which headless Chromium opens in its own viewer: on a loaded machine that viewer can
    // keep the page busy long enough to swallow the next click. What this test is about is the page and its form
    // (the PDF served from the link is checked in test/routes/signature): the framed PDF is not fetched here.
    await signatory.route('**/convention.pdf', (route) => route.abort());
    const page = await signatory.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${pstage.url}${linkIn(host.email)}`);
    // axe checks the page without going into the PDF's frame (Chromium's markup, not Pstage's), and the clicks do
    // not wait for the next page's load: the test waits for what it expects to see.
    expect(await page.locator('#signatory').textContent()).toContain(host.name);
    expect(await page.locator('iframe.pdf-frame').getAttribute('src')).toMatch(/\/convention\.pdf$/);
    await expectAccessible(page, { frames: false });
    await page.getByRole('button', { name: 'Signer', exact: true }).click({ noWaitAfter: true });
    await page.locator('#consent-error').waitFor();
    await expectAccessible(page, { frames: false });
    await page.getByRole('button', { name: 'Recevoir un code par courriel' }).click({ noWaitAfter: true });
    await page.locator('#code-sent').waitFor();
    await expectAccessible(page, { frames: false });
    await deliver();
    await page.getByLabel('Votre nom complet').fill(host.name);
    await page.getByLabel('Code reçu par courriel').fill(codeIn(host.email));
    await page.getByLabel(/Je signe la convention de stage/).check();
    await page.getByRole('button', { name: 'Signer', exact: true }).click({ noWaitAfter: true });
    await page.getByRole('heading', { name: 'Convention signée' }).waitFor();
    await expectAccessible(page, { frames: false });
    await signatory.close();
    const [after] = await pstage.database.db.select().from(signatureRequests).where(eq(signatureRequests.id, host.id));
    expect(after.status).toBe('signed');
  }, 180_000);

  it('the student signs in their space with the code mailed to their address, their name and the consent; axe on every state', async () => {
    const { convention, requests } = await sentForSignature(pstage, mailbox);
    const own = requests.find((row) => row.party === 'student')!;
    const context = await browser.newContext({ locale: 'fr-FR' });
    // The page links the convention's PDF; what this test is about is the signature form.
    await context.route('**/convention.pdf', (route) => route.abort());
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(pstage.devPlatform!.launchUrlFor('camille-martin', 'm1-info'));
    await page.waitForURL(/\/student/);
    await page.goto(`${pstage.url}/student/conventions/${convention.id}`);
    await page.locator('#student-signature').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Signer', exact: true }).click({ noWaitAfter: true });
    await page.locator('#signature-errors').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Recevoir un code par courriel' }).click({ noWaitAfter: true });
    await page.locator('#code-sent').waitFor();
    await expectAccessible(page);
    await deliver();
    await page.getByLabel('Votre nom complet').fill(own.name);
    await page.getByLabel('Code reçu par courriel').fill(codeIn(own.email));
    await page.getByLabel(/Je signe la convention de stage/).check();
    await page.getByRole('button', { name: 'Signer', exact: true }).click({ noWaitAfter: true });
    await page.locator('.alert-success[role="status"]').waitFor();
    await expectAccessible(page);
    await context.close();
    const [after] = await pstage.database.db.select().from(signatureRequests).where(eq(signatureRequests.id, own.id));
    expect(after.status).toBe('signed');
  }, 180_000);
});
