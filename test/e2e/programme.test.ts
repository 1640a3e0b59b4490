import type { Page } from 'playwright-core';
import { submitConventionAsStudent } from '../support/studentJourney';
import { studentProposes } from '../routes/programme/programmeHelpers';
import { expectAccessible, useBrowserTest } from './browser';

const { pstage, browser } = useBrowserTest();

async function heading(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
}

describe('a programme head in a real browser, from the LMS launch to decisions the students see', () => {
  it('validates one subject, rejects another with a comment, assigns a tutor to both students; the students see the decisions; no accessibility violation', async () => {
    const { convention } = await submitConventionAsStudent(pstage, { persona: 'camille-martin' });
    await studentProposes(pstage, 'elodie-lefevre', 'm1-info', { title: 'Tableau de bord énergétique' });

    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(pstage.devPlatform!.launchUrlFor('jean-dupont', 'm1-info'));
    await page.waitForURL(/\/programme\/\d+$/);
    const panelUrl = page.url();
    expect(await heading(page)).toContain('M1 Informatique');
    expect(await page.locator('tr[data-student]').count()).toBe(5);
    expect(await page.locator('tr[data-student]', { hasText: 'Thomas Roux' }).textContent()).toContain('Aucun sujet');
    await expectAccessible(page);

    // Filter and search without script.
    await page.getByLabel('Afficher').selectOption('toValidate');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL(/filter=toValidate/);
    expect(await page.locator('tr[data-student]').count()).toBe(2);
    await expectAccessible(page);

    // Validate Camille's subject from its page.
    await page.getByRole('link', { name: 'Analyse de logs' }).click();
    await page.waitForURL(/\/subjects\/\d+$/);
    expect(await heading(page)).toContain('Analyse de logs');
    await expectAccessible(page);
    await page.getByLabel('Valider le sujet').check();
    await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await page.waitForURL(/done=decided/);
    expect(await page.getByRole('status').textContent()).toContain('Le sujet est validé');
    await expectAccessible(page);

    // Reject Élodie's: first without a comment (error next to the field), then with one.
    await page.goto(panelUrl);
    await page.getByRole('link', { name: 'Tableau de bord énergétique' }).click();
    await page.waitForURL(/\/subjects\/\d+$/);
    await page.getByLabel('Refuser le sujet').check();
    await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await page.waitForURL(/\/subjects\/\d+$/);
    expect(await page.locator('#comment-error').textContent()).toContain('Indiquez un commentaire');
    expect(await page.getByLabel('Refuser le sujet').isChecked()).toBe(true);
    await expectAccessible(page);
    await page.getByLabel('Commentaire').fill('Le sujet manque de précision sur les missions confiées.');
    await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await page.waitForURL(/done=decided/);
    expect(await page.getByRole('status').textContent()).toContain('Le sujet est refusé');
    await expectAccessible(page);

    // One tutor for both students.
    await page.goto(panelUrl);
    await page.getByLabel('Sélectionner Camille Martin').check();
    await page.getByLabel('Sélectionner Élodie Lefèvre').check();
    await page
      .getByLabel('Enseignant référent à désigner')
      .selectOption({ label: 'Claire Lambert (0 stagiaire(s)) — enseignant du cours' });
    await page.getByRole('button', { name: 'Désigner', exact: true }).click();
    await page.waitForURL(/done=tutorAssigned/);
    expect(await page.getByRole('status').textContent()).toContain('Enseignant référent désigné pour 2 étudiants.');
    expect(await page.locator('tr[data-student]', { hasText: 'Camille Martin' }).textContent()).toContain('Claire Lambert');
    expect(await page.locator('tr[data-student]', { hasText: 'Élodie Lefèvre' }).textContent()).toContain('Claire Lambert');
    await expectAccessible(page);

    // The tutors page and the read-only convention.
    await page.getByRole('link', { name: 'Enseignants référents' }).click();
    await page.waitForURL(/\/tutors$/);
    expect(await page.locator('tr[data-tutor]', { hasText: 'Claire Lambert' }).textContent()).toContain('1');
    await expectAccessible(page);
    await page.goto(panelUrl);
    await page.getByRole('link', { name: convention.reference! }).click();
    await page.waitForURL(/\/conventions\/\d+$/);
    expect(await page.locator('.timeline').textContent()).toContain('Enseignant référent désigné');
    await expectAccessible(page);
    await context.close();

    // The students see the decisions.
    const camille = await browser.newContext({ locale: 'fr-FR' });
    const camillePage = await camille.newPage();
    await camillePage.goto(pstage.devPlatform!.launchUrlFor('camille-martin', 'm1-info'));
    await camillePage.waitForURL(/\/student$/);
    expect(await camillePage.locator('main').textContent()).toContain('Validé');
    await expectAccessible(camillePage);
    await camille.close();

    const elodie = await browser.newContext({ locale: 'en-GB' });
    const elodiePage = await elodie.newPage();
    await elodiePage.goto(pstage.devPlatform!.launchUrlFor('elodie-lefevre', 'm1-info'));
    await elodiePage.waitForURL(/\/student$/);
    const home = (await elodiePage.locator('main').textContent()) ?? '';
    expect(home).toContain('Rejected');
    expect(home).toContain('Le sujet manque de précision sur les missions confiées.');
    await expectAccessible(elodiePage);
    await elodiePage.getByRole('link', { name: 'Tableau de bord énergétique' }).click();
    expect(await elodiePage.locator('main').textContent()).toContain('Le sujet manque de précision sur les missions confiées.');
    await expectAccessible(elodiePage);
    await elodie.close();
  }, 120_000);
});
