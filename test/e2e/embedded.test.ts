import http from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { expectAccessible, useBrowserTest } from './browser';

/** A course page of "the LMS" on another origin, framing Pstage's launch as Moodle's embedded activity does. */
let lms: http.Server;
let lmsOrigin = '';
/** The same course page from another site (localhost, not 127.0.0.1): the browser keeps none of Pstage's cookies in its frame. */
let crossSiteLmsOrigin = '';
const env: Record<string, string> = {};
beforeAll(async () => {
  lms = http.createServer((req, res) => {
    const src = new URL(req.url ?? '/', 'http://lms').searchParams.get('src') ?? '';
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(
      `<!doctype html><html lang="fr"><head><title>M1 Informatique : Convention de stage</title></head><body>` +
        `<header><p>e-campus</p></header><main><h1>Convention de stage</h1>` +
        `<iframe title="Convention de stage" src="${src.replace(/"/g, '&quot;')}" style="width:100%;height:900px;border:0"></iframe>` +
        `</main></body></html>`,
    );
  });
  await new Promise<void>((resolve) => lms.listen(0, '127.0.0.1', resolve));
  const { port } = lms.address() as AddressInfo;
  lmsOrigin = `http://127.0.0.1:${port}`;
  crossSiteLmsOrigin = `http://localhost:${port}`;
  // Pstage lets these origins frame it (CSP frame-ancestors).
  env.LMS_ORIGINS = `${lmsOrigin},${crossSiteLmsOrigin}`;
});
afterAll(() => new Promise((resolve) => lms.close(resolve)));

const { pstage, browser } = useBrowserTest(env);

describe('Pstage inside the LMS frame, in a real browser', () => {
  it('uses the embedded layout in a frame from another origin, axe-clean, and the full layout in a window of its own', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const launchUrl = pstage.devPlatform!.launchUrlFor('camille-martin', 'm1-info');
    await page.goto(`${lmsOrigin}/course?src=${encodeURIComponent(launchUrl)}`);

    const frame = page.frameLocator('iframe');
    await frame.getByRole('heading', { level: 1 }).waitFor();
    expect(page.frames().some((f) => /\/student$/.test(f.url()))).toBe(true);
    expect(await frame.locator('body.pstage-embedded').count()).toBe(1);
    expect(await frame.locator('.navbar-brand').count()).toBe(0);
    await frame.getByRole('navigation', { name: 'Fil d’Ariane' }).waitFor();
    const fontFamily = await frame.locator('body').evaluate((body) => getComputedStyle(body).fontFamily);
    expect(fontFamily).toMatch(/^-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto/);
    // Cross-origin frames are checked too (axe's default mode merges their results).
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
    ).toEqual([]);

    // The same page opened in a tab of its own: the full layout with Pstage's bar.
    const tab = await context.newPage();
    await tab.goto(`${pstage.url}/student`);
    await tab.locator('.navbar-brand').waitFor();
    expect(await tab.locator('body.pstage-embedded').count()).toBe(0);
    await expectAccessible(tab);
    await context.close();
  });

  it('offers a browser that keeps no Pstage cookie in the frame to open the launch in a new window, where it works', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const launchUrl = pstage.devPlatform!.launchUrlFor('camille-martin', 'm1-info');
    await page.goto(`${crossSiteLmsOrigin}/course?src=${encodeURIComponent(launchUrl)}`);

    const frame = page.frameLocator('iframe');
    await frame.getByRole('heading', { level: 1, name: 'Open Pstage in a new window' }).waitFor();
    // The frame kept none of the cookies Pstage set in it (its probe included).
    expect(await context.cookies(pstage.url)).toEqual([]);
    expect(await frame.locator('body.pstage-embedded').count()).toBe(1);
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
    ).toEqual([]);

    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      frame.getByRole('link', { name: /Open Pstage in a new window/ }).click(),
    ]);
    await popup.waitForURL(/\/student$/);
    await popup.getByRole('heading', { level: 1 }).waitFor();
    expect(await popup.locator('.navbar-brand').count()).toBe(1);
    await frame.getByRole('status').filter({ hasText: 'Pstage is open in a new window' }).waitFor();
    await context.close();
  });

  it('offers a launch whose state cookie the browser dropped in the frame the same login in a new window, in the launch language, and the new window completes it', async () => {
    // A French browser, an English-speaking student: the page follows the launch, not the browser.
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    // The frame keeps Pstage's probe cookie but loses the login's state cookie before the launch comes back
    // (a site rule on the tool's host, a cookie store that drops it): every state cookie is gone when the
    // platform's form posts the launch to Pstage.
    let dropped = 0;
    const launchEndpoint = new URL('/lti/launch', pstage.url);
    await page.route(
      (url) => url.href === launchEndpoint.href,
      async (route) => {
        dropped += (await context.cookies(pstage.url)).filter((cookie) => cookie.name.startsWith('state')).length;
        await context.clearCookies({ name: /^state/ });
        await route.continue();
      },
    );
    const launchUrl = pstage.devPlatform!.launchUrlFor('elodie-lefevre', 'm1-info');
    await page.goto(`${lmsOrigin}/course?src=${encodeURIComponent(launchUrl)}`);

    const frame = page.frameLocator('iframe');
    await frame.getByRole('heading', { level: 1, name: 'Open Pstage in a new window' }).waitFor();
    expect(dropped).toBe(1);
    await frame.getByText('The launch from e-campus failed: the state check failed').waitFor();
    expect(await frame.locator('html').getAttribute('lang')).toBe('en');
    expect(await frame.locator('body.pstage-embedded').count()).toBe(1);
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
    ).toEqual([]);

    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      frame.getByRole('link', { name: /Open Pstage in a new window/ }).click(),
    ]);
    await popup.waitForURL(/\/student$/);
    await popup.getByRole('heading', { level: 1 }).waitFor();
    expect(await popup.locator('html').getAttribute('lang')).toBe('en');
    expect(await popup.locator('.navbar-brand').count()).toBe(1);
    await frame.getByRole('status').filter({ hasText: 'Pstage is open in a new window' }).waitFor();
    await context.close();
  });
});
