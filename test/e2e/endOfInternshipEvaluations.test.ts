import type { BrowserContext, Page } from 'playwright-core';
import { addDays } from '../../src/domain/calendarDate';
import type { BrowserlessClient } from '../support/browserlessClient';
import { movableClock } from '../support/clock';
import { completeConvention, passOn, plannedEnd, tutorLinkFromMail } from '../support/endOfInternship';
import { useSignatureMailbox } from '../support/signatureMailbox';
import { launchHead } from '../routes/programme/programmeHelpers';
import { launchOffice } from '../services/office/officeJourney';
import { expectAccessible, useBrowserTest } from './browser';

const clock = movableClock();
const { pstage, browser } = useBrowserTest({}, { clock });
const mailbox = useSignatureMailbox(pstage);
beforeEach(() => pstage.reset());
afterEach(() => clock.reset());

/** The browser continues the session a test client opened through the development platform. */
async function continueInBrowser(client: BrowserlessClient): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'fr-FR' });
  await context.addCookies([...client.cookies].map(([name, value]) => ({ name, value, url: pstage.url })));
  return context;
}

/** Answers a question of a questionnaire by its legend and the label of the answer. */
const answer = (page: Page, question: RegExp, choice: string) =>
  page.getByRole('group', { name: question }).getByLabel(choice, { exact: true }).check();

describe('the end of the internship in a real browser', () => {
  it('the tutor receives the mail, answers the evaluation, completes the attestation; the student evaluates the host, reads the tutor one and downloads the attestation; axe on every page', async () => {
    const { id, client: studentClient } = await completeConvention(pstage);
    const head = await launchHead(pstage);
    const headContext = await continueInBrowser(head.client);
    const settings = await headContext.newPage();
    settings.setDefaultTimeout(30_000);
    await settings.goto(`${pstage.url}/programme/${head.programmeId}/evaluations/settings`);
    await expectAccessible(settings);
    await settings.getByLabel(/Ouverture de l'évaluation du tuteur/).fill('soixante-dix');
    await settings.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await settings.locator('#tutorDaysBefore-error').waitFor();
    await expectAccessible(settings);
    await settings.getByLabel(/Ouverture de l'évaluation du tuteur/).fill('10');
    await settings
      .getByRole('group', { name: /Le stagiaire voit l'évaluation du tuteur/ })
      .getByLabel('Oui')
      .check();
    await settings.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await settings.getByText('Réglages des évaluations enregistrés.').waitFor();
    await settings.getByRole('link', { name: 'Mes stagiaires (enseignant référent)' }).click();
    await settings.getByText("Vous n'êtes l'enseignant référent d'aucun stage de cette formation.").waitFor();
    await expectAccessible(settings);
    await settings.getByRole('link', { name: 'Résultats moyens' }).click();
    await settings.waitForURL(/\/evaluations$/);
    await expectAccessible(settings);
    await headContext.close();

    // Ten days before the end the scheduler opens the tutor's evaluation and mails their personal link.
    clock.moveTo(addDays(plannedEnd, -10));
    await passOn(pstage, addDays(plannedEnd, -10));
    const { path, link } = await tutorLinkFromMail(pstage, mailbox, id);
    const tutorContext = await browser.newContext({ locale: 'fr-FR' });
    const tutor = await tutorContext.newPage();
    tutor.setDefaultTimeout(30_000);
    await tutor.goto(`${pstage.url}${path}`);
    await tutor.getByRole('heading', { name: /Espace du tuteur/ }).waitFor();
    await expectAccessible(tutor);
    await answer(tutor, /^Compétences techniques mises en œuvre/, '4');
    await tutor.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await tutor.getByText('Brouillon enregistré.').waitFor();
    await tutor.getByRole('button', { name: "Envoyer l'évaluation" }).click();
    await tutor.locator('.error-summary').waitFor();
    await expectAccessible(tutor);
    for (const question of [/^Capacité d'apprentissage/, /^Ponctualité/, /^Intégration dans l'équipe/, /^Qualité du travail rendu/])
      await answer(tutor, question, '5 — Excellent');
    await answer(tutor, /^Appréciation générale/, '4');
    await answer(tutor, /^Les objectifs du stage ont-ils été atteints/, 'Oui');
    await tutor.getByLabel(/^Commentaire/).fill('Stagiaire autonome et rigoureux.');
    await tutor.getByRole('button', { name: "Envoyer l'évaluation" }).click();
    await tutor
      .getByText(/n'est plus modifiable/)
      .first()
      .waitFor();
    await expectAccessible(tutor);

    // At the end the attestation opens to the host, and the student's evaluation to the student.
    clock.moveTo(plannedEnd);
    await passOn(pstage, plannedEnd);
    await tutor.goto(`${pstage.url}${path}`);
    await tutor.getByLabel('Présence effective (heures)').fill('9999');
    await tutor.getByRole('button', { name: "Signer l'attestation" }).click();
    await tutor.locator('#effectiveHours-error').waitFor();
    await tutor.locator('#code-error').waitFor();
    await expectAccessible(tutor);
    await tutor.getByLabel('Présence effective (heures)').fill('540');
    await tutor.getByLabel(/Gratification totale/i).fill('2 488,50');
    await tutor.getByLabel(/Votre nom complet/).fill(link.name);
    await tutor.getByRole('button', { name: 'Recevoir un code par courriel' }).click();
    await tutor.getByText(`Un code valable 10 minutes a été envoyé à ${link.email}.`).waitFor();
    await mailbox.deliver();
    await tutor.getByLabel('Code reçu par courriel').fill(mailbox.codeIn(link.email));
    await tutor.getByRole('button', { name: "Signer l'attestation" }).click();
    await tutor.getByRole('link', { name: /Télécharger l'attestation/ }).waitFor();
    await expectAccessible(tutor);
    await tutorContext.close();

    const studentContext = await continueInBrowser(studentClient);
    const student = await studentContext.newPage();
    student.setDefaultTimeout(30_000);
    await student.goto(`${pstage.url}/student`);
    await expectAccessible(student);
    await student.getByRole('link', { name: 'Évaluer mon accueil en stage' }).click();
    await student.getByRole('heading', { name: 'Évaluation de votre accueil en stage' }).waitFor();
    await expectAccessible(student);
    for (const question of [/^Qualité de l'accueil/, /^Qualité de l'encadrement/, /^Missions conformes/])
      await answer(student, question, '4');
    await answer(student, /^Recommanderiez-vous cet organisme/, 'Oui');
    await student.getByRole('button', { name: "Envoyer l'évaluation" }).click();
    await student
      .getByText(/n'est plus modifiable/)
      .first()
      .waitFor();
    await expectAccessible(student);

    await student.goto(`${pstage.url}/student`);
    await student.getByRole('link', { name: "Lire l'évaluation de mon tuteur" }).click();
    await student.getByText('Stagiaire autonome et rigoureux.').waitFor();
    await expectAccessible(student);
    const attestation = await studentContext.request.get(`${pstage.url}/documents/conventions/${id}/attestation.pdf`);
    expect(attestation.status()).toBe(200);
    expect(attestation.headers()['content-type']).toContain('application/pdf');
    await studentContext.close();
    // A whole journey through four parties' pages, like the other browser journeys' budgets (20 s on a quiet machine).
  }, 180_000);

  it("the office's questionnaire templates: create, a question with errors then right, the editor; axe on every page", async () => {
    const { client } = await launchOffice(pstage);
    const context = await continueInBrowser(client);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${pstage.url}/office/evaluations/templates`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Créer le questionnaire' }).click();
    await page.locator('#titleFr-error').waitFor();
    await expectAccessible(page);
    await page.getByLabel("Évaluation de l'accueil par le stagiaire").check();
    await page.getByLabel('Titre en français').fill('Accueil en laboratoire');
    await page.getByLabel('Titre en anglais').fill('Reception in a laboratory');
    await page.getByRole('button', { name: 'Créer le questionnaire' }).click();
    await page.getByRole('heading', { name: /Accueil en laboratoire/ }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: /Ajouter une question : Missions/ }).click();
    await page.getByRole('group', { name: /^Type/ }).getByLabel('Choix unique').check();
    await page.getByLabel('Question en français').fill('Équipement mis à disposition');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.locator('#labelEn-error').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Question en anglais').fill('Equipment provided');
    await page
      .getByRole('group', { name: /^Réponse/ })
      .getByLabel('Facultative')
      .check();
    await page.getByLabel('Réponses proposées').fill('Suffisant | Enough\nInsuffisant | Not enough');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Équipement mis à disposition', { exact: true }).waitFor();
    await expectAccessible(page);
    await context.close();
  });
});
