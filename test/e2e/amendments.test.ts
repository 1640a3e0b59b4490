import type { Page } from 'playwright-core';
import { validateAsOffice, reload } from '../services/office/officeJourney';
import { nextYear, today } from '../support/clock';
import { submitConventionAsStudent } from '../support/studentJourney';
import { expectAccessible, useBrowserTest } from './browser';

const { pstage, browser } = useBrowserTest();
beforeEach(() => pstage.reset());

const french = (iso: string) => iso.split('-').reverse().join('/');

async function press(page: Page, button: string, urlAfter: RegExp) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForURL(urlAfter);
}

describe('amendments in a real browser', () => {
  it('the student asks for an extension, sees its legal check; the office validates it and records the signatures; the convention shows the new end; axe on every page', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    await validateAsOffice(pstage, convention.id);
    const newEnd = `${nextYear}-07-24`;

    const studentContext = await browser.newContext({ locale: 'fr-FR' });
    const student = await studentContext.newPage();
    student.setDefaultTimeout(15_000);
    await student.goto(pstage.devPlatform!.launchUrlFor('camille-martin', 'm1-info'));
    await student.waitForLoadState();
    await student.goto(`${pstage.url}/student/conventions/${convention.id}`);
    await student.getByRole('link', { name: 'Avenants' }).click();
    await student.waitForURL(/\/amendments$/);
    await expectAccessible(student);

    // A request without any change comes back with the error summary, linked to the field.
    await press(student, "Demander l'avenant", /\/amendments#request$/);
    expect(await student.locator('#error-summary').textContent()).toContain('Choisissez au moins une modification.');
    await expectAccessible(student);

    await student.getByLabel('Nouvelles dates (prolongation, report)').check();
    await student.getByLabel('Nouvelle date de fin').fill(newEnd);
    await press(student, "Demander l'avenant", /done=request$/);
    expect(await student.getByRole('status').textContent()).toContain("L'avenant est demandé");
    const entry = student.locator('#amendment-1');
    expect(await entry.textContent()).toContain(french(newEnd));
    expect(await entry.textContent()).toContain('Contrôle légal de la convention modifiée');
    await expectAccessible(student);

    const officeContext = await browser.newContext({ locale: 'fr-FR' });
    const office = await officeContext.newPage();
    office.setDefaultTimeout(15_000);
    await office.goto(pstage.devPlatform!.launchUrlFor('office', 'office'));
    await office.waitForURL(/\/office$/);
    await office.goto(`${pstage.url}/office/conventions/${convention.id}/amendments`);
    await expectAccessible(office);
    await press(office, "Valider l'avenant", /done=validate-1$/);
    await expectAccessible(office);
    // Five parties sign; the list offers only those who have not signed yet.
    for (let signed = 0; signed < 5; signed += 1) {
      const form = office.locator('#signature-1');
      const [first] = await form
        .getByLabel('Partie')
        .locator('option')
        .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
      await form.getByLabel('Partie').selectOption(first);
      await form.getByLabel('Date de signature').fill(today);
      await press(office, 'Enregistrer la signature', /done=signature-1$/);
    }
    expect(await office.locator('#amendment-1 .amendment-state').textContent()).toBe('Signé, en vigueur');
    await expectAccessible(office);
    expect((await reload(pstage, convention.id)).endDate).toBe(newEnd);

    // The convention as amended: the office's convention page, the student's current terms.
    await office.goto(`${pstage.url}/office/conventions/${convention.id}`);
    expect(await office.locator('main').textContent()).toContain(french(newEnd));
    await student.reload();
    expect(await student.locator('#current-terms').textContent()).toContain(french(newEnd));
    await expectAccessible(student);
    await studentContext.close();
    await officeContext.close();
  }, 120_000);

  it('a change of activities waits for the programme head, who approves it from their panel; axe on their pages', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    await validateAsOffice(pstage, convention.id);
    const context = await browser.newContext({ locale: 'fr-FR' });
    const student = await context.newPage();
    student.setDefaultTimeout(15_000);
    await student.goto(pstage.devPlatform!.launchUrlFor('camille-martin', 'm1-info'));
    await student.waitForLoadState();
    await student.goto(`${pstage.url}/student/conventions/${convention.id}/amendments`);
    await student.getByLabel("Changement de sujet ou d'activités").check();
    await student.getByLabel('Nouvelles activités confiées').fill('Conception d’un entrepôt de données');
    await press(student, "Demander l'avenant", /done=request$/);
    expect(await student.locator('#amendment-1 .amendment-state').textContent()).toContain("l'accord du responsable de la formation");
    await context.close();

    const headContext = await browser.newContext({ locale: 'fr-FR' });
    const head = await headContext.newPage();
    head.setDefaultTimeout(15_000);
    await head.goto(pstage.devPlatform!.launchUrlFor('jean-dupont', 'm1-info'));
    await head.waitForURL(/\/programme\/\d+$/);
    await expectAccessible(head);
    await head.locator('#amendments-to-agree').getByRole('link').click();
    await head.waitForURL(/\/conventions\/\d+#amendment-1$/);
    await expectAccessible(head);
    // Refusing without a comment is refused, next to the field and in the summary.
    await head.getByLabel("Refuser l'avenant").check();
    await press(head, 'Envoyer la réponse', /#amendment-1$/);
    expect(await head.locator('.error-summary').textContent()).toContain('Indiquez un commentaire pour expliquer le refus.');
    await expectAccessible(head);
    await head.getByLabel("Approuver l'avenant").check();
    await press(head, 'Envoyer la réponse', /done=agree#amendment-1$/);
    expect(await head.getByRole('status').textContent()).toContain("Vous avez approuvé l'avenant");
    await expectAccessible(head);
    await headContext.close();
  }, 120_000);
});
