import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config';
import { createLogger, redactUrl } from '../../src/middleware/requestLogging';
import { sessionCookieName } from '../../src/middleware/session';
import { startPstage, type RunningPstage } from '../../src/pstage';
import type { DatabaseHandle } from '../../src/models/database';
import { BrowserlessClient } from '../support/browserlessClient';
import { openTestDatabase } from '../support/database';

describe('secrets in a URL', () => {
  it.each([
    [
      '/lti/register?registration_token=abc&openid_configuration=https%3A%2F%2Flms.example%2Fconf',
      '/lti/register?registration_token=[redacted]&openid_configuration=https%3A%2F%2Flms.example%2Fconf',
    ],
    ['/x?ltik=a&id_token=b&state=c&nonce=d', '/x?ltik=[redacted]&id_token=[redacted]&state=[redacted]&nonce=[redacted]'],
    [
      '/x?password=p&access_token=t&client_secret=s&Token=T',
      '/x?password=[redacted]&access_token=[redacted]&client_secret=[redacted]&Token=[redacted]',
    ],
    ['/x?token=a&token=b', '/x?token=[redacted]'],
    ['/office/internships?academicYear=2026-2027&page=2', '/office/internships?academicYear=2026-2027&page=2'],
    ['/student', '/student'],
  ])('%s is logged as %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});

describe('the request log of the running server', () => {
  const lines: string[] = [];
  let running: RunningPstage;
  let database: DatabaseHandle;
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        callback();
      },
    });
    database = await openTestDatabase();
    running = await startPstage({
      configFor: (port) =>
        loadConfig({
          NODE_ENV: 'test',
          PORT: String(port),
          PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
          DATA_DIR: '/tmp/pstage-test-data',
        }),
      port: 0,
      database,
      logger: createLogger('info', stream),
      outboxWorker: false,
    });
  });
  afterAll(async () => {
    await running.stop();
    await database.close();
  });

  /** The completed-request lines for `path`, once pino-http has written them (it logs when the response has finished). */
  async function logged(path: string) {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const found = lines.filter((line) => JSON.parse(line).req?.url?.startsWith(path));
      if (found.length > 0) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no log line for ${path}: ${lines.join('\n')}`);
  }

  it('never holds a registration token, an ltik, an id_token, a state or a password from a query string', async () => {
    const secrets = ['reg-SECRET-1', 'ltik-SECRET-2', 'idtoken-SECRET-3', 'state-SECRET-4', 'password-SECRET-5'];
    await fetch(new URL(`/lti/register?registration_token=${secrets[0]}`, running.url));
    await fetch(
      new URL(`/student?ltik=${secrets[1]}&id_token=${secrets[2]}&state=${secrets[3]}&password=${secrets[4]}&lang=fr`, running.url),
    );
    const [register] = await logged('/lti/register');
    expect(JSON.parse(register).req.url).toBe('/lti/register?registration_token=[redacted]');
    const [student] = await logged('/student');
    expect(JSON.parse(student).req).toMatchObject({
      url: '/student?ltik=[redacted]&id_token=[redacted]&state=[redacted]&password=[redacted]&lang=fr',
    });
    for (const secret of secrets) expect(lines.filter((line) => line.includes(secret))).toEqual([]);
  });

  it('never holds the session cookie, neither sent nor set', async () => {
    const client = new BrowserlessClient(running.url);
    const page = await client.follow(running.devPlatform!.launchUrlFor('camille-martin', 'm1-info'));
    expect(page.status).toBe(200);
    const session = client.cookies.get(sessionCookieName)!;
    expect(session).toBeTruthy();
    await client.request('/student/subject/new');
    await logged('/student/subject/new');
    expect(lines.filter((line) => line.includes(session))).toEqual([]);
    expect(lines.some((line) => JSON.parse(line).res?.headers?.['set-cookie'] === '[Redacted]')).toBe(true);
  });
});
