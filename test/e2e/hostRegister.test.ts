import type { Browser, Page } from 'playwright-core';
import { nextYear } from '../support/clock';
import { startTestPstage, type TestPstage } from '../support/pstage';
import { startRegisterStandIn, type RegisterStandIn } from '../support/registerStandIn';
import { expectAccessible, launchChromium } from './browser';

// The register's stand-in must listen before Pstage starts with its address: no useBrowserTest here.
jest.setTimeout(60_000);
let standIn: RegisterStandIn;
let pstage: TestPstage;
let browser: Browser;
beforeAll(async () => {
  standIn = await startRegisterStandIn();
  pstage = await startTestPstage({ SIRENE_SOURCE: 'insee', SIRENE_BASE_URL: standIn.url, SIRENE_API_KEY: 'test-integration-key' });
  await pstage.reset();
  browser = await launchChromium();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await pstage?.stop();
  await standIn?.close();
});

function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);
}

async function toHostStep(page: Page) {
  await page.goto(pstage.devPlatform!.launchUrlFor('camille-martin', 'm1-info'));
  await page.waitForURL(/\/student$/);
  await page.getByRole('button', { name: 'Commencer une convention' }).click();
  await page.waitForURL(/\/personal$/);
  await page.getByLabel('Madame').check();
  await page.getByLabel('Date de naissance').fill('2001-05-04');
  await page.getByLabel(exactly('Adresse')).fill('1 rue des Écoles');
  await page.getByLabel('Code postal').fill('75005');
  await page.getByLabel('Ville').fill('Paris');
  await page.getByLabel('Pays').selectOption('FR');
  await page.getByLabel('Téléphone').fill('06 01 02 03 04');
  await page.getByLabel("Caisse d'assurance maladie (CPAM ou autre)").fill('CPAM de Paris');
  await page.getByLabel("Numéro d'affiliation (sécurité sociale)").fill('2 01 05 75 005 123 58');
  await page.getByLabel('Année universitaire').selectOption(`${nextYear - 1}-${nextYear}`);
  await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
  await page.waitForURL(/\/organisation$/);
}

describe('the host step with the national register, in a real browser', () => {
  it('finds the host by SIREN, refuses its closed establishment, takes the active one and completes it, with no accessibility violation', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await toHostStep(page);
    await expectAccessible(page);

    await page.getByLabel('SIRET, SIREN ou nom').fill('732 829 320');
    await page.getByRole('button', { name: 'Rechercher dans le répertoire' }).click();
    await page.getByRole('heading', { name: '2 établissements trouvés dans le répertoire national' }).waitFor();
    expect(await page.getByText('Cet établissement est fermé').count()).toBe(1);
    expect(await page.getByRole('button', { name: /SIRET 73282932000041/ }).count()).toBe(0);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Reprendre ATELIER NUMERIQUE (SIRET 73282932000074)' }).click();
    const form = page.locator('details form');
    await form.getByLabel('Raison sociale').waitFor();
    expect(await form.getByLabel('Raison sociale').inputValue()).toBe('ATELIER NUMERIQUE');
    expect(await form.getByLabel('SIRET').inputValue()).toBe('73282932000074');
    expect(await form.getByLabel('Code postal').inputValue()).toBe('69001');
    await expectAccessible(page);
    await form.getByLabel('Téléphone').fill('04 72 00 00 00');
    await form.getByRole('button', { name: 'Créer cet organisme' }).click();
    await page.getByRole('heading', { name: 'Organisme choisi' }).waitFor();
    expect(await page.locator('#host-recap').textContent()).toContain('ATELIER NUMERIQUE');
    await expectAccessible(page);

    await page.getByLabel('SIRET, SIREN ou nom').fill('limite');
    await page.getByRole('button', { name: 'Rechercher dans le répertoire' }).click();
    await page.getByText('Le répertoire national reçoit trop de demandes').waitFor();
    await expectAccessible(page);
    await context.close();
  });
});
