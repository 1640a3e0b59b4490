import type { Page } from 'playwright-core';
import { expectAccessible, useBrowserTest } from './browser';

const { pstage, browser } = useBrowserTest();

/** Dates in the future, whatever day the test runs: next year's spring. */
import { nextYear } from '../support/clock';

/** A label's exact text, with or without the required-field star. */
function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);
}

async function heading(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
}

async function saveAndContinue(page: Page, urlAfter: RegExp) {
  await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
  await page.waitForURL(urlAfter);
}

describe('a student in a real browser, from the LMS launch to a submitted convention', () => {
  it('proposes a subject, goes through the wizard with its errors and submits, with no accessibility violation', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);

    await page.goto(pstage.devPlatform!.launchUrlFor('camille-martin', 'm1-info'));
    await page.waitForURL(/\/student$/);
    expect(await heading(page)).toContain('Mes stages');
    await expectAccessible(page);

    // The subject.
    await page.getByRole('link', { name: 'Proposer un sujet' }).click();
    await page.waitForURL(/\/student\/subject\/new$/);
    await expectAccessible(page);
    await page.getByLabel('Titre du sujet').fill('Analyse de journaux applicatifs');
    await page.getByLabel(exactly('Description')).fill('Détecter des anomalies dans les journaux de production.');
    await page.getByLabel("Organisme d'accueil (s'il est connu)").fill('Société Générale Informatique');
    await page.getByRole('button', { name: 'Proposer ce sujet' }).click();
    await page.waitForURL(/\/student\?done=subjectProposed$/);
    expect(await page.getByRole('status').textContent()).toContain('Votre sujet a été transmis');
    await expectAccessible(page);

    // Step 1: personal data.
    await page.getByRole('button', { name: 'Commencer une convention' }).click();
    await page.waitForURL(/\/personal$/);
    const base = page.url().replace(/\/personal$/, '');
    expect(await heading(page)).toContain('Étape 1 sur 10');
    await expectAccessible(page);
    await page.getByLabel('Madame').check();
    await page.getByLabel('Prénom').fill('Camille');
    await page.getByLabel(exactly('Nom')).fill('Martin');
    await page.getByLabel('Date de naissance').fill('2001-05-04');
    await page.getByLabel(exactly('Adresse')).fill('1 rue des Écoles');
    await page.getByLabel('Code postal').fill('75005');
    await page.getByLabel('Ville').fill('Paris');
    await page.getByLabel('Pays').selectOption('FR');
    await page.getByLabel('Téléphone').fill('06 01 02 03 04');
    await page.getByLabel("Caisse d'assurance maladie (CPAM ou autre)").fill('CPAM de Paris');
    await page.getByLabel("Numéro d'affiliation (sécurité sociale)").fill('2 01 05 75 005 123 58');
    await page.getByLabel('Année universitaire').selectOption(`${nextYear - 1}-${nextYear}`);
    await saveAndContinue(page, /\/organisation$/);

    // Step 2: the host, first with a wrong SIRET.
    await expectAccessible(page);
    const createHost = async (siret: string) => {
      const details = page.locator('details');
      if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open)))
        await page.getByText("Créer l'organisme", { exact: true }).click();
      const form = details.locator('form');
      await form.getByLabel('Raison sociale').fill('Société Générale Informatique');
      await form.getByLabel('Pays').selectOption('FR');
      await form.getByLabel('SIRET').fill(siret);
      await form.getByLabel('Effectif').selectOption('50-249');
      await form.getByLabel('Privé').check();
      await form.getByLabel(exactly('Adresse')).fill('2 avenue de la Gare');
      await form.getByLabel('Code postal').fill('69001');
      await form.getByLabel('Ville').fill('Lyon');
      await form.getByRole('button', { name: 'Créer cet organisme' }).click();
    };
    await createHost('73282932000075');
    await page.waitForURL(/\/organisation$/);
    await page.locator('#siret-error').waitFor();
    expect(await page.locator('#siret-error').textContent()).toContain('la clé de contrôle ne correspond pas');
    expect(await page.locator('details form').getByLabel('SIRET').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.error-summary').textContent()).toContain('SIRET');
    await expectAccessible(page);
    await createHost('73282932000074');
    await page.getByRole('heading', { name: 'Organisme choisi' }).waitFor();
    expect(await page.locator('#host-recap').textContent()).toContain('Société Générale Informatique');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Continuer avec cet organisme' }).click();
    await page.waitForURL(/\/service$/);

    // Step 3: the service.
    await expectAccessible(page);
    await page.getByLabel('Un autre service (le créer)').check();
    await page.getByLabel('Nom du service').fill('Direction informatique');
    await page.getByRole('group', { name: "Le service est-il à la même adresse que l'organisme ?" }).getByLabel('Oui').check();
    await saveAndContinue(page, /\/tutor$/);

    // Step 4: the tutor, after going back one step and forward again.
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Précédent' }).click();
    await page.waitForURL(/\/service$/);
    expect(await heading(page)).toContain('Étape 3 sur 10');
    await expectAccessible(page);
    await saveAndContinue(page, /\/tutor$/);
    expect(await heading(page)).toContain('Étape 4 sur 10');
    await page.getByLabel('Une autre personne (la créer)').check();
    await page.getByLabel('Monsieur').check();
    await page.getByLabel('Prénom').fill('Paul');
    await page.getByLabel(exactly('Nom')).fill('Durand');
    await page.getByLabel('Fonction').fill('Chef de projet');
    await page.getByLabel('Adresse électronique').fill('paul.durand@example.fr');
    await saveAndContinue(page, /\/internship$/);

    // Step 5: the internship, long and without gratification.
    await expectAccessible(page);
    await page.getByLabel('Type de stage').selectOption('compulsory');
    await page.getByLabel('Activités confiées').fill('Développer un outil de détection.');
    await page.getByLabel('Compétences à acquérir ou à développer').fill('TypeScript, statistiques');
    await page.getByLabel('Date de début').fill(`${nextYear}-03-02`);
    await page.getByLabel('Date de fin').fill(`${nextYear}-06-26`);
    await page.getByLabel(exactly('Mêmes horaires chaque jour de présence')).check();
    const days = page.getByRole('group', { name: 'Jours de présence' });
    for (const day of ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi']) await days.getByLabel(exactly(day)).check();
    await page.getByLabel('Heures par jour').fill('7');
    for (const question of ['Présence la nuit ?', 'Présence le dimanche ?', 'Présence les jours fériés ?'])
      await page.getByRole('group', { name: question }).getByLabel('Non').check();
    // The post is saved and comes back to the step with its legal finding, focused; posting again goes on.
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await page.locator('#step-findings').waitFor();
    expect(await page.locator('#step-findings').textContent()).toContain('Gratification obligatoire au-delà de 308 h');
    await page.waitForFunction(() => document.activeElement?.id === 'step-findings');
    await expectAccessible(page);
    await page
      .locator('#step-findings')
      .getByRole('link', { name: /Gratification obligatoire/ })
      .click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('gratificationAmount');
    await saveAndContinue(page, /\/review$/);

    // Step 6: review of the entry.
    await expectAccessible(page);
    await saveAndContinue(page, /\/academic-tutor$/);

    // Step 7: the academic tutor.
    await expectAccessible(page);
    await page.getByLabel('Un autre enseignant (le créer)').check();
    await page.getByLabel('Madame').check();
    await page.getByLabel('Prénom').fill('Anne');
    await page.getByLabel(exactly('Nom')).fill('Leroy');
    await page.getByLabel('Adresse électronique').fill('anne.leroy@univ.example.fr');
    await saveAndContinue(page, /\/signatory$/);

    // Step 8: the signatory.
    await expectAccessible(page);
    await page.getByLabel('Une autre personne (la créer)').check();
    await page.getByLabel('Madame').check();
    await page.getByLabel('Prénom').fill('Claire');
    await page.getByLabel(exactly('Nom')).fill('Moreau');
    await page.getByLabel('Fonction').fill('Directrice');
    await page.getByLabel('Adresse électronique').fill('claire.moreau@example.fr');
    await saveAndContinue(page, /\/leave$/);

    // Step 9: leave, with the standard absence terms offered; the long internship needs its leave days.
    expect(await heading(page)).toContain('Étape 9 sur 10');
    await expectAccessible(page);
    expect(await page.getByLabel("Modalités des congés et autorisations d'absence").inputValue()).toContain(
      'Les congés sont pris en accord',
    );
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await page.locator('#leaveDaysGranted-error').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Nombre de jours de congé accordés').fill('5');
    await saveAndContinue(page, /\/recap$/);

    // Step 10: the recap refuses the missing gratification.
    await expectAccessible(page);
    expect(await page.locator('#legal-errors').textContent()).toContain('Gratification obligatoire au-delà de 308 h');
    expect(await page.getByRole('button', { name: 'Créer', exact: true }).count()).toBe(0);
    // "Corriger" lands on the faulty field, with the focus in it.
    await page.locator('#legal-errors').getByRole('link', { name: 'Corriger' }).first().click();
    await page.waitForURL(/\/internship\?from=recap#gratificationAmount$/);
    await page.waitForFunction(() => document.activeElement?.id === 'gratificationAmount');
    await expectAccessible(page);
    await page.getByLabel('Montant de la gratification (€)').fill('4,50');
    await page.getByLabel("de l'heure").check();
    await page.getByRole('button', { name: 'Enregistrer et revenir au récapitulatif' }).click();
    await page.waitForURL(/\/recap$/);
    expect(await page.locator('#legal-errors').count()).toBe(0);
    await expectAccessible(page);

    // Créer, then the status page.
    await page.getByRole('button', { name: 'Créer', exact: true }).click();
    await page.waitForURL((url) => url.pathname === new URL(base).pathname);
    expect(await page.getByRole('status').textContent()).toContain('Votre convention a été transmise au service des stages.');
    expect(await page.locator('main').textContent()).toContain('Soumise au service des stages');
    await expectAccessible(page);

    // The civil-liability certificate, from the home page.
    await page.getByRole('link', { name: /Retour/ }).click();
    await page.waitForURL(/\/student$/);
    await page.getByRole('link', { name: 'Déposer mon attestation' }).click();
    await page.waitForURL(/\/student\/certificate$/);
    await expectAccessible(page);
    await page
      .getByLabel('Attestation de responsabilité civile')
      .setInputFiles({ name: 'attestation-Élodie.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await page.getByRole('button', { name: "Déposer l'attestation" }).click();
    await page.waitForURL(/\/student\/certificate\?done=uploaded$/);
    expect(await page.getByRole('status').textContent()).toContain('Votre attestation a été déposée');
    expect(await page.locator('main').textContent()).toContain('attestation-Élodie.pdf');
    await expectAccessible(page);
    await context.close();
  }, 180_000);
});
