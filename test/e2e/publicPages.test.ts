import { expectAccessible, useBrowserTest } from './browser';

const { pstage, browser } = useBrowserTest();

describe('the public pages without a session, in a real browser: axe clean in every state', () => {
  it('/verify: the empty page, an unknown code, a malformed code, a file sent without a file; in French and English', async () => {
    for (const locale of ['fr-FR', 'en-GB']) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto(`${pstage.url}/verify`);
      await page.locator('#code').waitFor();
      await expectAccessible(page);
      await page.fill('#code', 'AAAA-BBBB-CCCC');
      await page.locator('form[method="get"][action="/verify"] button[type="submit"]').click();
      await page.waitForURL(/code=AAAA-BBBB-CCCC/);
      await expectAccessible(page);
      await page.goto(`${pstage.url}/verify?code=not-a-code`);
      await page.locator('#code-error').waitFor();
      await expectAccessible(page);
      await page.goto(`${pstage.url}/verify`);
      await page.locator('form[method="post"][action="/verify"] button[type="submit"]').click();
      await page.locator('#document-error').waitFor();
      await expectAccessible(page);
      await context.close();
    }
  });

  it('/setup: the page, then an empty and a wrong code; in French and English', async () => {
    for (const locale of ['fr-FR', 'en-GB']) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto(`${pstage.url}/setup`);
      await page.locator('form[action="/setup"]').waitFor();
      await expectAccessible(page);
      await page.locator('form[action="/setup"] button[type="submit"]').click();
      await page.locator('#code-error').waitFor();
      await expectAccessible(page);
      await page.fill('#code', 'WRONG-CODE');
      await page.locator('form[action="/setup"] button[type="submit"]').click();
      await page.locator('#code-error').waitFor();
      await expectAccessible(page);
      await context.close();
    }
  });
});
