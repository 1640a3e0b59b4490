import type { BrowserContext, Dialog, Page } from 'playwright-core';
import { draftUpToInternship } from '../support/studentJourney';
import { expectAccessible, useBrowserTest } from './browser';

const { pstage, browser } = useBrowserTest();

const warning = 'Vos modifications de cette étape ne sont pas enregistrées : quitter la page et les abandonner ?';

/** The student's draft (filled up to the internship step over HTTP) and the same student in a real browser. */
async function studentInBrowser(): Promise<{ context: BrowserContext; page: Page; base: string }> {
  const { base } = await draftUpToInternship(pstage);
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(pstage.devPlatform!.launchUrlFor('camille-martin', 'm1-info'));
  await page.waitForURL(/\/student$/);
  return { context, page, base: `${pstage.url}${base}` };
}

/** Every dialog the page opens, answered by `answer` (accept, or dismiss) once it is recorded. */
function recordDialogs(page: Page, answer: () => 'accept' | 'dismiss') {
  const seen: { type: string; message: string }[] = [];
  page.on('dialog', (dialog: Dialog) => {
    seen.push({ type: dialog.type(), message: dialog.message() });
    void (answer() === 'accept' ? dialog.accept() : dialog.dismiss());
  });
  return seen;
}

describe('leaving a wizard step with unsaved changes, in a real browser', () => {
  it('"Précédent" asks first only when something changed; saving does not ask; closing the page asks', async () => {
    const { context, page, base } = await studentInBrowser();
    let answer: 'accept' | 'dismiss' = 'dismiss';
    const dialogs = recordDialogs(page, () => answer);

    await page.goto(`${base}/service`);
    await page.getByRole('link', { name: 'Précédent' }).click();
    await page.waitForURL(/\/organisation$/);
    expect(dialogs).toEqual([]);

    await page.goto(`${base}/service`);
    await page.getByLabel('Un autre service (le créer)').check();
    await page.getByLabel('Nom du service').fill('Direction des achats');
    await page.getByRole('link', { name: 'Précédent' }).click();
    expect(dialogs).toEqual([{ type: 'confirm', message: warning }]);
    // Dismissed: still on the step, with what was typed.
    expect(page.url()).toBe(`${base}/service`);
    expect(await page.getByLabel('Nom du service').inputValue()).toBe('Direction des achats');
    await expectAccessible(page);

    answer = 'accept';
    await page.getByRole('link', { name: 'Précédent' }).click();
    await page.waitForURL(/\/organisation$/);
    expect(dialogs).toHaveLength(2);

    // Saving is not leaving: no question.
    await page.goto(`${base}/service`);
    await page.getByLabel('Un autre service (le créer)').check();
    await page.getByLabel('Nom du service').fill('Direction des achats');
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await page.waitForURL(/\/tutor$/);
    expect(dialogs).toHaveLength(2);

    // Closing (or reloading) the tab with a change: the browser's own question (beforeunload).
    await page.getByLabel('Une autre personne (la créer)').check();
    await page.close({ runBeforeUnload: true });
    await page.waitForEvent('close');
    expect(dialogs.at(-1)!.type).toBe('beforeunload');
    await context.close();
  });

  it('the conflict page of the losing tab keeps what was typed there, says it was another tab, and its values count as unsaved', async () => {
    const { context, page, base } = await studentInBrowser();
    const other = await context.newPage();
    other.setDefaultTimeout(15_000);
    await page.goto(`${base}/personal`);
    await other.goto(`${base}/personal`);

    await other.getByLabel('Ville').fill('Lyon');
    await other.getByLabel('Code postal').fill('69001');
    await other.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await other.waitForURL(/\/organisation$/);

    await page.getByLabel('Téléphone').fill('06 99 88 77 66');
    await page.getByLabel(/^Adresse( \*)?$/).fill('5 rue Neuve');
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await page.waitForURL(/\/personal#wizard-conflict$/);
    const notice = page.locator('#wizard-conflict');
    expect(await notice.textContent()).toContain('dans un autre onglet ou une autre fenêtre');
    expect(await notice.textContent()).not.toContain("quelqu'un d'autre");
    expect(await page.getByLabel('Téléphone').inputValue()).toBe('06 99 88 77 66');
    expect(await page.getByLabel(/^Adresse( \*)?$/).inputValue()).toBe('5 rue Neuve');
    expect(await page.getByLabel('Ville').inputValue()).toBe('Paris');
    expect(await notice.getByRole('link').allTextContents()).toEqual(
      expect.arrayContaining(['Adresse', 'Code postal', 'Ville', 'Téléphone']),
    );
    await expectAccessible(page);

    // Not stored yet: leaving by the stepper asks; the link to the stored version says it drops them, and does not ask.
    const dialogs = recordDialogs(page, () => 'dismiss');
    await page.getByRole('navigation', { name: 'Étapes de la saisie' }).getByRole('link', { name: "Organisme d'accueil" }).click();
    expect(dialogs).toEqual([{ type: 'confirm', message: warning }]);
    await notice.getByRole('link', { name: /revenez à la version enregistrée/ }).click();
    await page.waitForURL(/\/personal$/);
    expect(await page.getByLabel('Ville').inputValue()).toBe('Lyon');
    expect(dialogs).toHaveLength(1);
    await context.close();
  });
});
