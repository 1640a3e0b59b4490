import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import cookieParser from 'cookie-parser';
import express from 'express';
import pino from 'pino';
import { defaultSessionLimits, sessionCookieName, setUpSessions } from '../../src/middleware/session';
import type { DatabaseHandle } from '../../src/models/database';
import { sessions, users } from '../../src/models/schema';
import { createNotificationScheduler } from '../../src/services/notifications/scheduler';
import { openTestDatabase, truncateAll } from '../support/database';

const hour = 3600_000;
const start = new Date('2027-01-15T08:00:00Z');

/**
 * The session middleware on a real database and a real HTTP server, with a clock the test moves:
 * POST /login/:userId starts a session, GET /me answers who is signed in (401 when nobody).
 */
describe('server-side sessions', () => {
  let database: DatabaseHandle;
  let server: http.Server;
  let base: string;
  let now = start;
  let userId: number;

  beforeAll(async () => {
    database = await openTestDatabase();
    const app = express();
    app.use(cookieParser());
    app.use(setUpSessions(database.db, false, { now: () => now }));
    app.post('/login/:userId', async (req, res) => {
      await req.startSession({
        userId: Number(req.params.userId),
        locale: 'fr',
        office: false,
        student: true,
        activeRole: 'student',
        programmeId: null,
      });
      res.status(204).end();
    });
    app.post('/save', async (req, res) => {
      req.session!.locale = 'en';
      await req.saveSession();
      res.status(204).end();
    });
    app.get('/me', (req, res) =>
      req.session ? res.json({ userId: req.session.userId, locale: req.session.locale }) : res.status(401).end(),
    );
    server = app.listen(0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.close();
  });
  beforeEach(async () => {
    await truncateAll(database);
    now = start;
    [{ id: userId }] = await database.db.insert(users).values({ iss: 'https://lms.example', sub: '101' }).returning();
  });

  const at = (offsetMs: number) => {
    now = new Date(start.getTime() + offsetMs);
  };
  const cookieOf = (response: Response) => response.headers.getSetCookie().find((line) => line.startsWith(`${sessionCookieName}=`));
  const maxAge = (response: Response) => Number(/Max-Age=(\d+)/.exec(cookieOf(response) ?? '')?.[1]);
  async function login(user = userId) {
    const response = await fetch(`${base}/login/${user}`, { method: 'POST' });
    const token = /^pstage_session=([^;]+)/.exec(cookieOf(response)!)![1];
    return { token, response };
  }
  const me = (token: string) => fetch(`${base}/me`, { headers: { cookie: `${sessionCookieName}=${token}` } });

  it('stores only the SHA-256 of the cookie’s token: the token itself is nowhere in the table', async () => {
    const { token } = await login();
    const rows = await database.db.select().from(sessions);
    expect(rows.map((row) => row.id)).toEqual([createHash('sha256').update(token).digest('hex')]);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect((await me(token)).status).toBe(200);
    // Someone who reads the table cannot use what they read as a cookie.
    expect((await me(rows[0].id)).status).toBe(401);
  });

  it('ends after two hours without a request, with a cookie whose Max-Age says so', async () => {
    const { token, response } = await login();
    expect(maxAge(response)).toBe(defaultSessionLimits.idleMs / 1000);
    at(2 * hour + 1000);
    const expired = await me(token);
    expect(expired.status).toBe(401);
    expect(cookieOf(expired)).toMatch(/Expires=Thu, 01 Jan 1970/);
  });

  it('moves on with activity, the cookie with it, but never past eight hours after the launch', async () => {
    const { token } = await login();
    for (const offset of [1.5, 3, 4.5]) {
      at(offset * hour);
      const response = await me(token);
      expect([offset, response.status, maxAge(response)]).toEqual([offset, 200, defaultSessionLimits.idleMs / 1000]);
    }
    at(6.25 * hour);
    const capped = await me(token);
    expect(capped.status).toBe(200);
    expect(maxAge(capped)).toBe((1.75 * hour) / 1000);
    at(7.5 * hour);
    expect((await me(token)).status).toBe(200);
    at(8 * hour + 1000);
    expect((await me(token)).status).toBe(401);
  });

  it('does not write the expiry again for requests a few seconds apart', async () => {
    const { token } = await login();
    at(30_000);
    const soon = await me(token);
    expect(soon.status).toBe(200);
    expect(cookieOf(soon)).toBeUndefined();
  });

  it('keeps the data a request saves, without extending the session', async () => {
    const { token } = await login();
    const [before] = await database.db.select().from(sessions);
    at(10_000);
    await fetch(`${base}/save`, { method: 'POST', headers: { cookie: `${sessionCookieName}=${token}` } });
    expect(await (await me(token)).json()).toEqual({ userId, locale: 'en' });
    const [after] = await database.db.select().from(sessions);
    expect(after.expiresAt).toEqual(before.expiresAt);
  });

  it('keeps at most ten sessions per user: an eleventh launch closes the oldest', async () => {
    const [{ id: otherUser }] = await database.db.insert(users).values({ iss: 'https://lms.example', sub: '102' }).returning();
    const other = await login(otherUser);
    const tokens: string[] = [];
    for (let index = 0; index < 11; index += 1) {
      at(index * 60_000);
      tokens.push((await login()).token);
    }
    const rows = await database.db.select().from(sessions);
    expect(rows.filter((row) => row.userId === userId)).toHaveLength(10);
    expect((await me(tokens[0])).status).toBe(401);
    for (const token of tokens.slice(1)) expect((await me(token)).status).toBe(200);
    expect((await me(other.token)).status).toBe(200);
  });

  it('are removed by the scheduler once expired, the others kept', async () => {
    const first = await login();
    at(3 * hour);
    const second = await login();
    const scheduler = createNotificationScheduler({
      db: database.db,
      officeEmail: 'stages@univ.example.fr',
      logger: pino({ level: 'silent' }),
      clock: () => now,
    });
    expect((await scheduler.runOnce()).expiredSessions).toBe(1);
    const rows = await database.db.select().from(sessions);
    expect(rows.map((row) => row.id)).toEqual([createHash('sha256').update(second.token).digest('hex')]);
    expect((await me(first.token)).status).toBe(401);
    expect((await scheduler.runOnce()).expiredSessions).toBe(0);
  });
});
