import express from 'express';
import type { AddressInfo } from 'node:net';
import { setUpPartitionedCookies } from '../../src/middleware/partitionedCookies';
import { cookieOptions } from '../../src/middleware/session';
import { BrowserlessClient } from '../support/browserlessClient';
import { startTestPstage } from '../support/pstage';

/** A client for a Pstage that believes it is served over HTTPS (behind a TLS proxy) while the test talks HTTP. */
class BehindTlsProxy extends BrowserlessClient {
  readonly setCookies: string[] = [];

  override async request(url: string, init: Parameters<BrowserlessClient['request']>[1] = {}) {
    const response = await fetch(new URL(url, this.baseUrl).toString().replace(/^https:/, 'http:'), {
      redirect: 'manual',
      headers: { accept: 'text/html', ...init.headers },
    });
    this.setCookies.push(...response.headers.getSetCookie());
    return { status: response.status, location: response.headers.get('location'), text: await response.text(), url };
  }
}

async function cookiesFrom(secure: boolean, set: (res: express.Response) => void): Promise<string[]> {
  const app = express();
  app.use(setUpPartitionedCookies(secure));
  app.get('/', (_req, res) => {
    set(res);
    res.end();
  });
  const server = app.listen(0);
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return response.headers.getSetCookie();
  } finally {
    server.close();
  }
}

describe('cookies inside the LMS iframe over HTTPS', () => {
  it("marks ltijs's OIDC state cookie Partitioned, SameSite=None and Secure", async () => {
    const pstage = await startTestPstage({}, { publicBaseUrl: (port) => `https://127.0.0.1:${port}` });
    try {
      await pstage.reset();
      const client = new BehindTlsProxy(pstage.url);
      // The dev platform's page sends the browser to /lti/login, where ltijs sets its state cookie.
      let response = await client.request(pstage.devPlatform!.launchUrlFor('camille-martin', 'm1-info'));
      for (let step = 0; step < 3 && response.location; step += 1) response = await client.request(response.location);
      const state = client.setCookies.find((cookie) => cookie.startsWith('state'));
      expect(state).toMatch(/; Partitioned/);
      expect(state).toMatch(/; Secure/);
      expect(state).toMatch(/; SameSite=None/i);
    } finally {
      await pstage.stop();
    }
  });

  it('marks the session cookie, and its deletion, Partitioned over HTTPS', async () => {
    const [set] = await cookiesFrom(true, (res) => res.cookie('pstage_session', 'abc', cookieOptions(true)));
    expect(set).toMatch(/^pstage_session=abc; .*Partitioned/);
    const [cleared] = await cookiesFrom(true, (res) => res.clearCookie('pstage_session', cookieOptions(true)));
    expect(cleared).toMatch(/^pstage_session=; .*Expires=Thu, 01 Jan 1970.*Partitioned/);
  });

  it('leaves cookies alone over plain HTTP (localhost development), where Partitioned would need Secure', async () => {
    const [set] = await cookiesFrom(false, (res) => res.cookie('pstage_session', 'abc', cookieOptions(false)));
    expect(set).not.toMatch(/Partitioned/);
    expect(set).toMatch(/SameSite=Lax/);
  });
});
