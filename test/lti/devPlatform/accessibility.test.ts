import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import express from 'express';
import { chromium, type Browser, type Page } from 'playwright-core';
import request from 'supertest';
import { scope } from '../../../src/lti/devPlatform';
import { accessToken, startDevPlatformServer, type DevPlatformServer } from './devPlatformServer';

let env: DevPlatformServer;
let browser: Browser;

beforeAll(async () => {
  env = await startDevPlatformServer({
    beforePlatform: (app) => app.use('/assets/bootstrap', express.static(path.join(process.cwd(), 'node_modules/bootstrap/dist'))),
  });
  browser = await chromium.launch({
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
});
afterAll(async () => {
  await browser?.close();
  await env.close();
});

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

async function withPage(run: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext();
  try {
    await run(await context.newPage());
  } finally {
    await context.close();
  }
}

describe('development platform pages are accessible', () => {
  it('the persona page has no axe violation and can be used with the keyboard', async () => {
    await withPage(async (page) => {
      await page.goto(`${env.baseUrl}/dev`);
      expect(await violations(page)).toEqual([]);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Aller au contenu');
    });
  });

  it('the gradebook page with scores has no axe violation', async () => {
    const token = await accessToken(env, [scope.lineItem, scope.score]);
    const created = await request(env.baseUrl)
      .post('/dev/platform/ags/course-m1-info/lineitems')
      .set('Authorization', `Bearer ${token}`)
      .send({ label: 'Convention de stage', scoreMaximum: 6 });
    await request(env.baseUrl)
      .post(`${new URL(created.body.id).pathname}/scores`)
      .set('Authorization', `Bearer ${token}`)
      .send({
        userId: '101',
        scoreGiven: 2,
        scoreMaximum: 6,
        comment: 'Soumise',
        activityProgress: 'Submitted',
        gradingProgress: 'Pending',
        timestamp: new Date().toISOString(),
      });
    await withPage(async (page) => {
      await page.goto(`${env.baseUrl}/dev/gradebook`);
      expect(await violations(page)).toEqual([]);
    });
  });

  it('the registration page has no axe violation', async () => {
    await withPage(async (page) => {
      await page.goto(`${env.baseUrl}/dev/register`);
      expect(await violations(page)).toEqual([]);
    });
  });

  it('the launch form page has no axe violation and posts to the tool', async () => {
    await withPage(async (page) => {
      const posted = captureLaunch(page);
      await page.route(`${env.baseUrl}/dev/assets/autosubmit.js`, (route) =>
        route.fulfill({ status: 200, contentType: 'application/javascript', body: '' }),
      );
      await page.goto(authUrl());
      expect(await violations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Continuer' }).click();
      expect(await posted).toMatch(/^id_token=.+&state=s$/);
    });
  });

  it('the launch form submits itself when JavaScript runs', async () => {
    await withPage(async (page) => {
      const posted = captureLaunch(page);
      await page.goto(authUrl());
      expect(await posted).toMatch(/^id_token=.+&state=s$/);
    });
  });
});

function captureLaunch(page: Page): Promise<string> {
  return new Promise<string>((resolve) => {
    void page.route(`${env.baseUrl}/lti/launch`, async (route) => {
      resolve(route.request().postData() ?? '');
      await route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><html lang="fr"><title>Outil</title><main><h1>Outil</h1></main></html>',
      });
    });
  });
}

function authUrl(): string {
  const auth = new URL(`${env.baseUrl}/dev/platform/auth`);
  for (const [name, value] of Object.entries({
    scope: 'openid',
    response_type: 'id_token',
    response_mode: 'form_post',
    client_id: 'pstage-dev',
    redirect_uri: `${env.baseUrl}/lti/launch`,
    login_hint: 'camille-martin',
    lti_message_hint: 'm1-info',
    nonce: 'n',
    state: 's',
  }))
    auth.searchParams.set(name, value);
  return auth.toString();
}
