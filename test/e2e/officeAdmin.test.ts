import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { conventions, organisations } from '../../src/models/schema';
import { submitConventionAsStudent } from '../support/studentJourney';
import { expectAccessible, useBrowserTest } from './browser';

const { pstage, browser } = useBrowserTest();

async function openSection(page: Page, name: string, url: RegExp) {
  await page.getByRole('navigation', { name: 'Menu du service des stages' }).getByRole('link', { name, exact: true }).click();
  await page.waitForURL(url);
  await expectAccessible(page);
}

describe('the office in a real browser: organisations, internship database, statistics, staff', () => {
  // Two conventions, each with its own record of the same host (two SIRETs typed): what every page below shows.
  let first: Awaited<ReturnType<typeof submitConventionAsStudent>>;
  let second: Awaited<ReturnType<typeof submitConventionAsStudent>>;
  // Two wizards through HTTP: a few seconds alone, several times that on a loaded machine.
  beforeAll(async () => {
    first = await submitConventionAsStudent(pstage);
    second = await submitConventionAsStudent(pstage, {
      persona: 'elodie-lefevre',
      organisationName: 'Societe Generale Informatique SAS',
      siret: '55210055400013',
    });
  }, 90_000);

  let context: BrowserContext;
  let page: Page;
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'fr-FR', acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(pstage.devPlatform!.launchUrlFor('office', 'office'));
    await page.waitForURL(/\/office$/);
  });
  afterEach(async () => context.close());

  it('merges two duplicate hosts, validates the survivor and shows the merge in the audit log, with no accessibility violation', async () => {
    const survivorId = first.convention.organisationId!;
    const duplicateId = second.convention.organisationId!;
    expect(duplicateId).not.toBe(survivorId);
    await openSection(page, "Organismes d'accueil", /\/office\/organisations$/);
    await expect(page.getByRole('heading', { name: 'Organismes créés par les étudiants, à vérifier (2)' }).count()).resolves.toBe(1);
    await page.getByRole('link', { name: 'Société Générale Informatique', exact: true }).click();
    await page.waitForURL(new RegExp(`/office/organisations/${survivorId}$`));
    await expectAccessible(page);
    await page.getByLabel(`Conserver « Société Générale Informatique » (n° ${survivorId})`).check();
    await page.getByRole('button', { name: 'Fusionner avec « Societe Generale Informatique SAS »' }).click();
    // A merge deletes a record: a page of its own asks first, and nothing is merged until it is confirmed.
    await page.waitForURL(new RegExp(`/office/organisations/${survivorId}/merge\\?`));
    await expectAccessible(page);
    expect(await page.getByRole('alert').textContent()).toContain('sera supprimée');
    expect(await pstage.database.db.query.organisations.findMany()).toHaveLength(2);
    await page.getByRole('button', { name: 'Fusionner et supprimer « Societe Generale Informatique SAS »' }).click();
    await page.waitForURL(new RegExp(`/office/organisations/${survivorId}\\?done=merged$`));
    expect(await page.getByRole('status').textContent()).toContain('Les doublons ont été fusionnés');
    await expectAccessible(page);
    await page.getByRole('button', { name: "Valider l'organisme" }).click();
    await page.waitForURL(/done=validated$/);
    await expectAccessible(page);
    const remaining = await pstage.database.db.query.organisations.findMany();
    expect(remaining.map((host) => host.id)).toEqual([survivorId]);
    const [moved] = await pstage.database.db.select().from(conventions).where(eq(conventions.id, second.convention.id));
    expect(moved.organisationId).toBe(survivorId);

    await openSection(page, "Journal d'audit", /\/office\/audit$/);
    expect(await page.getByText('organisation.merge', { exact: true }).count()).toBe(1);
  });

  it('filters the internship database by student and downloads the selection as CSV for Excel', async () => {
    await openSection(page, 'Base des stages', /\/office\/internships$/);
    expect(await page.getByRole('heading', { name: 'Conventions : 2' }).count()).toBe(1);
    await page.getByLabel('Étudiant (nom ou numéro)').fill('lefevre');
    await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
    await page.waitForURL(/student=lefevre/);
    expect(await page.getByRole('heading', { name: 'Conventions : 1' }).count()).toBe(1);
    await expectAccessible(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Exporter en CSV (Excel) la sélection' }).click(),
    ]);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0].split(';')[0]).toBe('Référence');
    expect(lines).toHaveLength(3);
    // The host of Élodie's convention: her own copy, or the survivor once the duplicates are merged.
    const [{ organisationId }] = await pstage.database.db.select().from(conventions).where(eq(conventions.id, second.convention.id));
    const [host] = await pstage.database.db.select().from(organisations).where(eq(organisations.id, organisationId!));
    expect(lines[1]).toContain(`;${host.name};`);
  });

  it('opens the statistics, refuses to grant the office role without a reason, and lists failed deliveries', async () => {
    await openSection(page, 'Statistiques', /\/office\/statistics$/);
    expect(await page.getByRole('table', { name: 'Conventions par état' }).count()).toBe(1);
    // Each count is also a chart, an image named by its title whose description gives the figures.
    const chart = page.getByRole('img', { name: 'Conventions par état' });
    expect(await chart.count()).toBe(1);
    expect(await chart.getAttribute('aria-labelledby')).toBe('by-state-chart-title by-state-chart-desc');
    expect(await page.locator('#by-state-chart-desc').textContent()).toMatch(/À contrôler : 2/);
    await openSection(page, 'Personnel du service', /\/office\/staff$/);
    await page.getByLabel('Rechercher une personne connue de Pstage (nom ou adresse)').fill('martin');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/q=martin/);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Accorder le rôle service des stages' }).click();
    await page.waitForURL(/\/office\/staff/);
    expect(await page.locator('#reason-error').textContent()).toContain('Ce champ est obligatoire');
    await expectAccessible(page);
    await openSection(page, 'Envois en échec', /\/office\/deliveries$/);
  });
});
