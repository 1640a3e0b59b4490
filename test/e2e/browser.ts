import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestPstage, type TestPstage, type TestPstageOptions } from '../support/pstage';

/** Debian's chromium, never a downloaded browser (STACK.md). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface AccessibilityOptions {
  /**
   * false: check the page's own markup (an iframe's title included) without going into its frames: for a frame that
   * shows a PDF in Chromium's own viewer, which is not Pstage's markup and which axe may wait on while it loads.
   */
  frames?: boolean;
}

/**
 * axe violations of the current page, as readable lines (an empty list means none). Legacy mode runs axe in the
 * page itself; the default mode opens a second page for each check to merge the results of cross-origin frames,
 * which Pstage's pages do not have, and takes two to three times as long.
 */
export async function accessibilityViolations(page: Page, options: AccessibilityOptions = {}): Promise<string[]> {
  const builder = new AxeBuilder({ page }).setLegacyMode();
  if (options.frames === false) builder.options({ iframes: false });
  const results = await builder.analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Fails the test with the list of axe violations of the current page, if any. */
export async function expectAccessible(page: Page, options: AccessibilityOptions = {}): Promise<void> {
  expect(await accessibilityViolations(page, options)).toEqual([]);
}

/**
 * The usual setup of a browser test file: Pstage (with the development platform) and chromium, started once
 * for the file (with `env` added to its environment). Both are stand-ins that forward to the running instances
 * once `beforeAll` has started them.
 */
export function useBrowserTest(
  env: Record<string, string> = {},
  options: TestPstageOptions = {},
): { pstage: TestPstage; browser: Browser } {
  // A page visited with its axe check takes one to two seconds alone and several times that on a loaded machine:
  // a browser test gets twice the budget of a route test.
  jest.setTimeout(60_000);
  let running: { pstage: TestPstage; browser: Browser } | undefined;
  // PGlite, the app and chromium take about 5 s to start on an idle machine and several times that on a loaded
  // one: the set-up gets its own budget, the tests keep theirs.
  beforeAll(async () => {
    const pstage = await startTestPstage(env, options);
    await pstage.reset();
    running = { pstage, browser: await launchChromium() };
  }, 90_000);
  afterAll(async () => {
    await running?.browser.close();
    await running?.pstage.stop();
  });
  const forward = <T extends object>(pick: (started: NonNullable<typeof running>) => T): T =>
    new Proxy({} as T, {
      get(_target, property) {
        if (!running) throw new Error('useBrowserTest: used before beforeAll started it');
        const target = pick(running);
        const value = Reflect.get(target, property) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  return { pstage: forward((started) => started.pstage), browser: forward((started) => started.browser) };
}
