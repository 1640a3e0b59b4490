import type { Page } from 'playwright-core';
import { useBrowserTest } from './browser';

/** Pstage configured for http://localhost:<port>, browsed at http://127.0.0.1:<port>: another origin for the browser. */
const { pstage, browser } = useBrowserTest({}, { publicBaseUrl: (port) => `http://localhost:${port}` });

const askedHost = () => `http://127.0.0.1:${new URL(pstage.url).port}`;

/** Opens a page at 127.0.0.1, noting the origins of what it loads and the console's errors (a CSP refusal is one). */
async function visit(path: string, run: (page: Page, loaded: string[], errors: string[]) => Promise<void>) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const loaded: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => loaded.push(new URL(request.url()).origin));
  // A refused stylesheet or script shows in the console; a missing resource (the favicon) as a failed response.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) errors.push(`${response.status()} ${response.url()}`);
  });
  try {
    await page.goto(`${askedHost()}${path}`, { waitUntil: 'load' });
    await run(page, loaded, errors);
  } finally {
    await context.close();
  }
}

describe('the development pages load their assets from the host they were asked from', () => {
  it('/dev at 127.0.0.1 when the configured origin is localhost: styled, every link on the same host', async () => {
    expect(pstage.url).toMatch(/^http:\/\/localhost:/);
    await visit('/dev', async (page, loaded, errors) => {
      expect(await page.locator('.navbar').evaluate((element) => getComputedStyle(element).display)).toBe('flex');
      expect([...new Set(loaded)]).toEqual([askedHost()]);
      expect(errors).toEqual([]);
      const targets = await page
        .locator('a[href], link[href], script[src]')
        .evaluateAll((nodes) => nodes.map((node) => (node as HTMLAnchorElement).href || (node as HTMLScriptElement).src));
      expect(targets.filter((target) => !target.startsWith(`${askedHost()}/`))).toEqual([]);
      await page.getByRole('link', { name: 'Courriels envoyés' }).click();
      await page.waitForURL(`${askedHost()}/dev/mail`);
    });
  });

  it('/dev/mail at 127.0.0.1: styled, nothing asked of another host', async () => {
    await visit('/dev/mail', async (page, loaded, errors) => {
      expect(await page.locator('main').evaluate((element) => getComputedStyle(element).paddingTop)).not.toBe('0px');
      expect([...new Set(loaded)]).toEqual([askedHost()]);
      expect(errors).toEqual([]);
    });
  });
});
