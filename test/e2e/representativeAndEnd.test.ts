import type { BrowserContext } from 'playwright-core';
import type { BrowserlessClient } from '../support/browserlessClient';
import { movableClock, nextYear } from '../support/clock';
import { fillConventionAsStudent, minorPersonal, submitConventionAsStudent } from '../support/studentJourney';
import { completeAsOffice, validateAsOffice } from '../services/office/officeJourney';
import { expectAccessible, useBrowserTest } from './browser';

const clock = movableClock();
const { pstage, browser } = useBrowserTest({}, { clock });
// Each test starts from an empty database: two conventions of one student at one host would add up their hours.
beforeEach(() => pstage.reset());
afterEach(() => clock.reset());

/** The browser continues the session a test client opened through the development platform. */
async function continueInBrowser(client: BrowserlessClient): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'fr-FR' });
  await context.addCookies([...client.cookies].map(([name, value]) => ({ name, value, url: pstage.url })));
  return context;
}

describe('the steps and forms of a minor’s representative and of the end of the internship, in a real browser', () => {
  it('a minor enters their legal representative, with the errors next to the fields; axe on every page', async () => {
    const { client, base } = await fillConventionAsStudent(pstage, { personal: minorPersonal, stopBefore: 'legal-representative' });
    const context = await continueInBrowser(client);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${pstage.url}${base}/legal-representative`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Étape 10 sur 11 : Représentant légal');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await page.locator('#civility-error').waitFor();
    expect(await page.locator('.error-summary').textContent()).toContain('Civilité');
    await expectAccessible(page);
    await page.getByLabel('Monsieur').check();
    await page.getByLabel('Prénom').fill('Thierry');
    await page.getByLabel(/^Nom( \*)?$/).fill('Petit');
    await page.getByLabel('Adresse électronique').fill('thierry.petit@example.fr');
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await page.waitForURL(/\/recap$/);
    expect(await page.locator('#legal-representative-recap').textContent()).toContain('Monsieur Thierry Petit');
    await expectAccessible(page);
    await context.close();
  });

  it('the office records the end of the internship on the convention file; axe on the file', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    await validateAsOffice(pstage, convention.id);
    await completeAsOffice(pstage, convention.id);
    clock.moveTo(`${nextYear}-06-26`);
    const context = await browser.newContext({ locale: 'fr-FR' });
    const office = await context.newPage();
    office.setDefaultTimeout(15_000);
    await office.goto(pstage.devPlatform!.launchUrlFor('office', 'office'));
    await office.waitForURL(/\/office$/);
    await office.goto(`${pstage.url}/office/conventions/${convention.id}`);
    await expectAccessible(office);
    await office.getByLabel('Gratification totale versée (€)').fill('beaucoup');
    await office.getByRole('button', { name: 'Enregistrer la fin du stage' }).click();
    await office.locator('#internshipEnd-totalGratificationPaid-error').waitFor();
    await expectAccessible(office);
    await office.getByLabel('Gratification totale versée (€)').fill('2 488,50');
    await office.getByRole('button', { name: 'Enregistrer la fin du stage' }).click();
    await office.waitForURL(/done=internshipEnd$/);
    expect((await office.locator('#internship-end').textContent())?.replace(/\s/g, ' ')).toContain('2 488,50 €');
    expect(await office.locator('#attestation-link a').getAttribute('href')).toBe(
      `/documents/conventions/${convention.id}/attestation.pdf`,
    );
    await expectAccessible(office);
    await context.close();
    // A convention through its whole procedure (submitted, validated, signed, complete) before the browser: the budget
    // of the other whole journeys (the file took 49–69 s at load 11, under the default 60 s with little to spare).
  }, 180_000);
});
