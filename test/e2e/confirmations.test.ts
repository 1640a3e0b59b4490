import type { Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { conventions } from '../../src/models/schema';
import { submitConventionAsStudent } from '../support/studentJourney';
import { expectAccessible, useBrowserTest } from './browser';

const { pstage, browser } = useBrowserTest();

async function press(page: Page, button: string, urlAfter: RegExp) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForURL(urlAfter);
}

const stateOf = async (id: number) => (await pstage.database.db.select().from(conventions).where(eq(conventions.id, id)))[0].state;

describe('the convention page puts actions first, and destructive actions ask first, in a real browser', () => {
  it('the office sees its actions beside the details, in view while scrolling; a form error names its field; cancelling asks first', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    const office = await context.newPage();
    office.setDefaultTimeout(15_000);
    await office.goto(pstage.devPlatform!.launchUrlFor('office', 'office'));
    await office.waitForURL(/\/office$/);
    await office.goto(`${pstage.url}/office/conventions/${convention.id}`);

    const actions = office.locator('#actions');
    expect((await actions.boundingBox())!.y).toBeLessThan(800);
    // Scrolled down to the legal checks, in the middle of the details: the actions column is still in view.
    const legal = (await office.getByRole('heading', { name: 'Contrôles légaux' }).boundingBox())!;
    await office.evaluate((y) => window.scrollTo(0, y), legal.y);
    const box = (await office.locator('.office-actions').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(800);
    await expectAccessible(office);

    await press(office, "Renvoyer à l'étudiant", /#return$/);
    expect(await office.locator('.error-summary').textContent()).toContain('Motif du renvoi : Ce champ est obligatoire.');
    await expectAccessible(office);

    await office.getByLabel("Motif de l'annulation").fill('Stage annulé par l’entreprise');
    await press(office, 'Annuler la convention', /\/confirm\/cancel$/);
    expect(await office.locator('#confirm-reason').textContent()).toBe('Stage annulé par l’entreprise');
    await expectAccessible(office);
    await office.getByRole('link', { name: 'Non, revenir à la convention' }).click();
    await office.waitForURL(/#cancel$/);
    expect(await stateOf(convention.id)).toBe('submitted');

    await office.getByLabel("Motif de l'annulation").fill('Stage annulé par l’entreprise');
    await press(office, 'Annuler la convention', /\/confirm\/cancel$/);
    await press(office, 'Oui, annuler la convention', /done=cancel$/);
    expect(await stateOf(convention.id)).toBe('cancelled');
    await context.close();
  });

  it('the student cancelling a submitted convention is asked first', async () => {
    const { convention } = await submitConventionAsStudent(pstage, { persona: 'elodie-lefevre' });
    const context = await browser.newContext({ locale: 'fr-FR' });
    const student = await context.newPage();
    student.setDefaultTimeout(15_000);
    await student.goto(pstage.devPlatform!.launchUrlFor('elodie-lefevre', 'm1-info'));
    await student.waitForURL(/\/student/);
    await student.goto(`${pstage.url}/student/conventions/${convention.id}`);
    // Élodie's LMS speaks English: the confirmation does too.
    await press(student, 'Cancel the agreement', /\/cancel$/);
    expect(await student.getByRole('alert').textContent()).toContain('the internship office is told');
    await expectAccessible(student);
    expect(await stateOf(convention.id)).toBe('submitted');
    await press(student, 'Yes, cancel the agreement', /done=conventionCancelled/);
    expect(await stateOf(convention.id)).toBe('cancelled');
    await context.close();
  });
});
