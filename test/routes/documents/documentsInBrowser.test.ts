import type { Browser } from 'playwright-core';
import { accessibilityViolations, launchChromium } from '../../e2e/browser';
import { useTestPstage } from '../../support/pstage';
import { submitConventionAsStudent } from '../../support/studentJourney';
import { validateAsOffice } from '../../services/office/officeJourney';

const pstage = useTestPstage();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('the convention PDF from the student’s status page, in a real browser', () => {
  // A convention submitted through the wizard and validated, then a browser: about 10 s alone, three times that under load.
  it('the link is reachable by keyboard, the page has no accessibility violation, and the PDF comes back final once validated', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    await validateAsOffice(pstage, convention.id);
    const context = await browser.newContext({ locale: 'fr-FR', acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(pstage.devPlatform!.launchUrlFor('camille-martin', 'm1-info'));
    await page.waitForURL(/\/student$/);
    await page.goto(new URL(`/student/conventions/${convention.id}`, pstage.url).toString());
    expect(await accessibilityViolations(page)).toEqual([]);

    const link = page.getByRole('link', { name: 'Imprimer la convention (PDF)' });
    await link.focus();
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => candidate.url().endsWith(`/documents/conventions/${convention.id}/convention.pdf`)),
      page.keyboard.press('Enter').catch(() => undefined),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(response.headers()['x-pstage-document']).toBe('final');
    await context.close();
  }, 60_000);
});
