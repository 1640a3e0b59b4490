import type { Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { conventions, outbox } from '../../src/models/schema';
import { submitConventionAsStudent } from '../support/studentJourney';
import { expectAccessible, useBrowserTest } from './browser';
import { today } from '../support/clock';

const { pstage, browser } = useBrowserTest();

async function press(page: Page, button: string, urlAfter: RegExp) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForURL(urlAfter);
}

describe('the internship office in a real browser, from the control queue to a complete convention', () => {
  it('sees the blocking reasons, validates once the programme head and the host are in order, records the signatures, the certificate and the dean; axe on every page', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    const context = await browser.newContext({ locale: 'fr-FR' });
    const office = await context.newPage();
    office.setDefaultTimeout(15_000);

    // The office lands on its dashboard, opens the queue: the reasons the convention cannot be validated yet.
    await office.goto(pstage.devPlatform!.launchUrlFor('office', 'office'));
    await office.waitForURL(/\/office$/);
    expect(await office.locator('#count-submitted').textContent()).toContain('1 — voir la liste');
    await expectAccessible(office);
    await office.locator('#count-submitted').getByRole('link').click();
    await office.waitForURL(/\/office\/conventions\?state=submitted$/);
    const row = office.locator(`#convention-${convention.id}`);
    for (const reason of ['Sujet non validé', 'Organisme non validé']) expect(await row.textContent()).toContain(reason);
    // The referent the student chose counts until the programme head assigns one.
    expect(await row.textContent()).not.toContain("Pas d'enseignant référent désigné");
    await expectAccessible(office);
    await office.getByLabel('Rechercher').fill('73282932000074');
    await press(office, 'Filtrer', /q=73282932000074/);
    expect(await office.getByLabel('Rechercher').inputValue()).toBe('73282932000074');
    await office.getByRole('link', { name: convention.reference! }).click();
    await office.waitForURL(/\/office\/conventions\/\d+$/);
    await expectAccessible(office);

    // Validating now is refused with the workflow's reason, next to the action.
    await press(office, 'Valider', /#validate$/);
    expect(await office.locator('#validate-refusal').textContent()).toContain(
      "Le sujet de stage n'a pas encore été validé par le responsable de la formation.",
    );
    await expectAccessible(office);

    // The programme head validates the subject and assigns a tutor in their own panel.
    // Each person has their own browser (their own session cookie).
    const headContext = await browser.newContext({ locale: 'fr-FR' });
    const head = await headContext.newPage();
    head.setDefaultTimeout(15_000);
    await head.goto(pstage.devPlatform!.launchUrlFor('jean-dupont', 'm1-info'));
    await head.waitForURL(/\/programme\/\d+$/);
    const panelUrl = head.url();
    await head.getByRole('link', { name: 'Analyse de logs' }).click();
    await head.waitForURL(/\/subjects\/\d+$/);
    await head.getByLabel('Valider le sujet').check();
    await press(head, 'Enregistrer la décision', /done=decided/);
    await head.goto(panelUrl);
    await head.getByLabel('Sélectionner Camille Martin').check();
    await head
      .getByLabel('Enseignant référent à désigner')
      .selectOption({ label: 'Claire Lambert (0 stagiaire(s)) — enseignant du cours' });
    await press(head, 'Désigner', /done=tutorAssigned/);
    await headContext.close();

    // Back to the convention: the office validates the host from the link on the page.
    await office.goto(`${pstage.url}/office/conventions/${convention.id}`);
    await office.getByRole('link', { name: "Ouvrir la fiche de l'organisme (valider, modifier, fusionner)" }).click();
    await office.waitForURL(/\/office\/organisations\/\d+$/);
    await office.getByRole('button', { name: "Valider l'organisme" }).click();
    await office.waitForLoadState();
    await office.goto(`${pstage.url}/office/conventions/${convention.id}`);
    // Nothing blocks any more; a warning may remain (the next year's gratification rate is not published yet).
    expect(await office.locator('section[aria-labelledby="blocking-title"] .text-danger-emphasis').count()).toBe(0);
    await press(office, 'Valider', /done=validate$/);
    expect(await office.getByRole('status').textContent()).toContain("La convention est validée ; l'étudiant est prévenu.");
    expect(await office.locator('#convention-state').textContent()).toBe('Validée, en attente des signatures');
    await expectAccessible(office);

    // The four signed originals, one after the other; a date in the future first, refused next to the field.
    await office.getByLabel("Date de réception de l'original signé").fill('2099-01-01');
    await press(office, 'Enregistrer la signature', /#signature$/);
    expect(await office.locator('#signature-signedAt-error').textContent()).toBe('La date ne peut pas être dans le futur.');
    await expectAccessible(office);
    for (const party of ['Stagiaire', "Représentant de l'organisme d'accueil", 'Tuteur de stage', 'Enseignant référent']) {
      await office.getByLabel('Partie qui a signé').selectOption({ label: party });
      await office.getByLabel("Date de réception de l'original signé").fill(today);
      await office.getByLabel('Original papier reçu').check();
      await press(office, 'Enregistrer la signature', /done=signature$/);
    }
    expect(await office.locator('#convention-state').textContent()).toBe('Signée, en attente du contrôle final');

    // The student uploads the civil-liability certificate; the office accepts it, then records the dean's signature.
    const studentContext = await browser.newContext({ locale: 'fr-FR' });
    const student = await studentContext.newPage();
    student.setDefaultTimeout(15_000);
    await student.goto(pstage.devPlatform!.launchUrlFor('camille-martin', 'm1-info'));
    await student.waitForURL(/\/student$/);
    await student.goto(`${pstage.url}/student/certificate`);
    await student
      .getByLabel('Attestation de responsabilité civile')
      .setInputFiles({ name: 'attestation-rc.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await press(student, "Déposer l'attestation", /done=uploaded$/);
    await studentContext.close();

    await office.reload();
    await office.locator('#certificate').getByLabel('Acceptée').check();
    await press(office, 'Enregistrer la décision', /done=certificate$/);
    expect(await office.locator('#certificate-status').textContent()).toContain('Acceptée');
    await expectAccessible(office);
    await press(office, 'Enregistrer la signature du doyen', /done=dean$/);
    expect(await office.getByRole('status').textContent()).toContain('la convention est complète');
    expect(await office.locator('#convention-state').textContent()).toBe('Complète');
    expect(await office.locator('#history').textContent()).toContain('Contrôle final et signature du doyen : complète');
    await expectAccessible(office);

    const [stored] = await pstage.database.db.select().from(conventions).where(eq(conventions.id, convention.id));
    expect(stored.state).toBe('complete');
    const templates = (await pstage.database.db.select().from(outbox)).map((item) => (item.payload as { template?: string }).template);
    expect(templates).toEqual(expect.arrayContaining(['conventionValidated', 'conventionComplete']));

    await office.goto(`${pstage.url}/office`);
    expect(await office.locator('#count-complete').textContent()).toContain('1 — voir la liste');
    await expectAccessible(office);
    await context.close();
  }, 180_000);
});
