import { eq } from 'drizzle-orm';
import { organisations, programmes } from '../../src/models/schema';
import { createHost } from '../routes/office/admin/support';
import { expectAccessible, useBrowserTest } from './browser';

const { pstage, browser } = useBrowserTest();

describe('in a real browser', () => {
  it('a programme head sets the teaching hours and internship types by keyboard, errors first, with no accessibility violation', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(pstage.devPlatform!.launchUrlFor('jean-dupont', 'm1-info'));
    await page.waitForURL(/\/programme\/\d+$/);
    await page.getByRole('navigation', { name: 'Tableau de bord du responsable' }).getByRole('link', { name: 'Paramètres' }).click();
    await page.waitForURL(/\/settings$/);
    await expectAccessible(page);

    await page.getByLabel("Volume d'enseignement annuel (heures)").fill('quatre cents');
    await page.getByLabel('Stage obligatoire').uncheck();
    await page.getByLabel('Stage facultatif').uncheck();
    await page.getByRole('button', { name: 'Enregistrer les paramètres' }).click();
    await page.waitForURL(/\/settings$/);
    await expect(page.locator('.error-summary').isVisible()).resolves.toBe(true);
    expect(await page.locator('#teachingHours').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#teachingHours').inputValue()).toBe('quatre cents');
    await expectAccessible(page);

    await page.getByRole('link', { name: /Volume d'enseignement annuel \(heures\)/ }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('teachingHours');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('380');
    await page.getByLabel('Stage obligatoire').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Enregistrer les paramètres' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=saved$/);
    expect(await page.getByRole('status').textContent()).toContain('Les paramètres de la formation sont enregistrés.');
    await expectAccessible(page);
    const [programme] = await pstage.database.db.select().from(programmes).where(eq(programmes.contextId, 'course-m1-info'));
    expect(programme).toMatchObject({ teachingHours: 380, teachingHoursSource: 'manual', internshipTypes: ['compulsory'] });
    await context.close();
  });

  it('an office member whose edit was overtaken by another sees the conflict message with their values, with no accessibility violation', async () => {
    const host = await createHost(pstage);
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(pstage.devPlatform!.launchUrlFor('office', 'office'));
    await page.waitForURL(/\/office$/);
    await page.goto(new URL(`/office/organisations/${host.id}/edit`, pstage.url).toString());
    await page.getByLabel('Adresse', { exact: false }).and(page.locator('#street')).fill('7 rue du Premier');
    // Meanwhile another office member saves their change.
    await pstage.database.db.update(organisations).set({ street: '2 rue du Second', version: 2 }).where(eq(organisations.id, host.id));
    await page.locator('#street').press('Enter');
    await page.waitForURL(new RegExp(`/office/organisations/${host.id}/edit$`));
    expect(await page.getByRole('alert').first().textContent()).toContain('pendant que vous le modifiiez');
    expect(await page.locator('#street').inputValue()).toBe('7 rue du Premier');
    await expectAccessible(page);
    const [unchanged] = await pstage.database.db.select().from(organisations).where(eq(organisations.id, host.id));
    expect(unchanged.street).toBe('2 rue du Second');
    await page.getByRole('link', { name: 'Ouvrir la version actuelle de la fiche' }).click();
    await page.waitForURL(new RegExp(`/office/organisations/${host.id}/edit$`));
    expect(await page.locator('#street').inputValue()).toBe('2 rue du Second');
    await context.close();
  });
});
