import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { submitConventionAsStudent } from '../support/studentJourney';
import { expectAccessible, useBrowserTest } from './browser';

const { pstage, browser } = useBrowserTest();

async function openSection(page: Page, name: string, url: RegExp) {
  await page.getByRole('navigation', { name: 'Menu du service des stages' }).getByRole('link', { name, exact: true }).click();
  await page.waitForURL(url);
  await expectAccessible(page);
}

describe('the office in a real browser: organisations, internship database, statistics, staff', () => {
  it('merges two duplicate hosts, filters the internship database, downloads the CSV, opens statistics and staff, with no accessibility violation', async () => {
    const first = await submitConventionAsStudent(pstage);
    const second = await submitConventionAsStudent(pstage, { persona: 'elodie-lefevre', organisationName: 'Societe Generale Informatique SAS' });
    const survivorId = first.convention.organisationId!;
    const duplicateId = second.convention.organisationId!;

    const context = await browser.newContext({ locale: 'fr-FR', acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(pstage.devPlatform!.launchUrlFor('office', 'office'));
    await page.waitForURL(/\/office$/);

    await openSection(page, "Organismes d'accueil", /\/office\/organisations$/);
    await expect(page.getByRole('heading', { name: 'Organismes créés par les étudiants, à vérifier (2)' }).count()).resolves.toBe(1);
    await page.getByRole('link', { name: 'Société Générale Informatique', exact: true }).click();
    await page.waitForURL(new RegExp(`/office/organisations/${survivorId}$`));
    await expectAccessible(page);
    await page.getByLabel(`Conserver « Société Générale Informatique » (n° ${survivorId})`).check();
    await page.getByRole('button', { name: 'Fusionner avec « Societe Generale Informatique SAS »' }).click();
    await page.waitForURL(new RegExp(`/office/organisations/${survivorId}\\?done=merged$`));
    expect(await page.getByRole('status').textContent()).toContain('Les doublons ont été fusionnés');
    await expectAccessible(page);
    await page.getByRole('button', { name: "Valider l'organisme" }).click();
    await page.waitForURL(/done=validated$/);
    await expectAccessible(page);
    const remaining = await pstage.database.db.query.organisations.findMany();
    expect(remaining.map((host) => host.id)).toEqual([survivorId]);
    expect(duplicateId).not.toBe(survivorId);

    await openSection(page, 'Base des stages', /\/office\/internships$/);
    expect(await page.getByRole('heading', { name: 'Conventions : 2' }).count()).toBe(1);
    await page.getByLabel('Étudiant (nom ou numéro)').fill('lefevre');
    await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
    await page.waitForURL(/student=lefevre/);
    expect(await page.getByRole('heading', { name: 'Conventions : 1' }).count()).toBe(1);
    await expectAccessible(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporter en CSV (Excel) la sélection' }).click()]);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0].split(';')[0]).toBe('Référence');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(';Société Générale Informatique;');

    await openSection(page, 'Statistiques', /\/office\/statistics$/);
    expect(await page.getByRole('table', { name: 'Conventions par état' }).count()).toBe(1);
    await openSection(page, 'Personnel du service', /\/office\/staff$/);
    await page.getByLabel('Rechercher une personne connue de Pstage (nom ou adresse)').fill('martin');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/q=martin/);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Accorder le rôle service des stages' }).click();
    await page.waitForURL(/\/office\/staff/);
    expect(await page.locator('#reason-error').textContent()).toContain('Ce champ est obligatoire');
    await expectAccessible(page);
    await openSection(page, "Journal d'audit", /\/office\/audit$/);
    expect(await page.getByText('organisation.merge', { exact: true }).count()).toBe(1);
    await openSection(page, 'Envois en échec', /\/office\/deliveries$/);
    await context.close();
  });
});
