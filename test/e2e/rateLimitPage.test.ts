import { expectAccessible, useBrowserTest } from './browser';

const { pstage, browser } = useBrowserTest({ PDF_RATE_LIMIT: '1' });

describe('a user over a limit in a real browser', () => {
  it('sees the 429 page in their language, accessible, with a way back home', async () => {
    for (const [persona, heading, back] of [
      ['camille-martin', 'Trop de demandes', "Revenir à l'accueil de Pstage"],
      ['elodie-lefevre', 'Too many requests', 'Back to the Pstage home page'],
    ]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(pstage.devPlatform!.launchUrlFor(persona, 'm1-info'));
      await page.waitForURL(/\/student$/);
      await page.request.get(`${pstage.url}/student/fiche-de-liaison.pdf`);
      const refused = await page.goto(`${pstage.url}/student/fiche-de-liaison.pdf`);
      expect(refused?.status()).toBe(429);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(heading);
      await expectAccessible(page);
      await page.getByRole('link', { name: back }).click();
      await page.waitForURL(/\/student$/);
      await context.close();
    }
  });
});
