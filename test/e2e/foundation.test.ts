import { accessibilityViolations, useBrowserTest } from './browser';

const { pstage, browser } = useBrowserTest();

describe('a newcomer trying Pstage from /dev in a real browser', () => {
  it('launches as a student, then as the office, each landing on their home with no accessibility violation', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${pstage.url}/dev`);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(pstage.devPlatform!.launchUrlFor('camille-martin', 'm1-info'));
    await page.waitForURL(/\/student$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Mes stages');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(pstage.devPlatform!.launchUrlFor('office', 'office'));
    await page.waitForURL(/\/office$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Service des stages');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Plateformes LMS' }).click();
    await page.waitForURL(/\/office\/platforms$/);
    expect(await page.locator('table').textContent()).toContain('Pstage development platform');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
