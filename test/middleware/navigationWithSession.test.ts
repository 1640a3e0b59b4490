import type { AddressInfo } from 'node:net';
import http from 'node:http';
import cookieParser from 'cookie-parser';
import express from 'express';
import { setUpNavigation } from '../../src/middleware/authorisation';
import { setUpSessions } from '../../src/middleware/session';
import type { DatabaseHandle } from '../../src/models/database';
import { programmeRepository } from '../../src/models/programmeRepository';
import { memberships, programmes, users } from '../../src/models/schema';
import { openTestDatabase, truncateAll } from '../support/database';

/**
 * The navigation's links to the staff's programmes are read with the session, in the same query (one round trip
 * per page for both); a request that starts another user's session reads that user's programmes afresh.
 */
describe('the navigation read with the session', () => {
  let database: DatabaseHandle;
  let server: http.Server;
  let base: string;
  let teacher: number;
  let student: number;

  const start = (userId: number) => ({
    userId,
    locale: 'fr' as const,
    office: false,
    student: true,
    activeRole: 'student' as const,
    programmeId: null,
  });

  beforeAll(async () => {
    database = await openTestDatabase();
    const app = express();
    app.use(cookieParser());
    app.use(setUpSessions(database.db, false));
    app.use((req, _res, next) => {
      req.t = ((key: string, options?: { title?: string }) => (options?.title ? `${key}:${options.title}` : key)) as never;
      next();
    });
    app.post('/login/:userId', async (req, res) => {
      await req.startSession(start(Number(req.params.userId)));
      res.status(204).end();
    });
    // A launch in the middle of a request: another user's session, then the navigation.
    app.post('/relaunch/:userId', async (req, _res, next) => {
      await req.startSession(start(Number(req.params.userId)));
      next();
    });
    app.use(setUpNavigation(database.db));
    app.use((_req, res) => res.json((res.locals.navigation as { href: string; label: string }[]).map((item) => item.label)));
    app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) =>
      res.status(500).json(String(error)),
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
    const made = await database.db
      .insert(users)
      .values([
        { iss: 'https://lms.example', sub: 'teacher' },
        { iss: 'https://lms.example', sub: 'student' },
      ])
      .returning({ id: users.id });
    [teacher, student] = made.map((row) => row.id);
    const programme = (base: string, title: string, archived = false) => ({
      iss: 'https://lms.example',
      clientId: 'client',
      deploymentId: 'deployment',
      contextId: base,
      title,
      archived,
    });
    const made2 = await database.db
      .insert(programmes)
      .values([programme('c1', 'Master Œnologie'), programme('c2', 'Licence Agronomie'), programme('c3', 'Ancien', true)])
      .returning({ id: programmes.id });
    await database.db.insert(memberships).values(made2.map((row) => ({ userId: teacher, programmeId: row.id, role: 'staff' as const })));
  });
  afterEach(() => jest.restoreAllMocks());

  const login = async (userId: number) => {
    const response = await fetch(`${base}/login/${userId}`, { method: 'POST' });
    return response.headers.get('set-cookie')!.split(';')[0];
  };

  it('links the staff programmes, by title, without a query of their own', async () => {
    const cookie = await login(teacher);
    const listed = jest.spyOn(programmeRepository, 'listForUser');
    const response = await fetch(`${base}/page`, { headers: { cookie } });
    expect(await response.json()).toEqual([
      'layout.studentHome',
      'layout.programmePanel:Licence Agronomie',
      'layout.programmePanel:Master Œnologie',
    ]);
    expect(listed).not.toHaveBeenCalled();
  });

  it('reads them afresh for a session started during the request', async () => {
    const cookie = await login(student);
    const listed = jest.spyOn(programmeRepository, 'listForUser');
    const response = await fetch(`${base}/relaunch/${teacher}`, { method: 'POST', headers: { cookie } });
    expect(await response.json()).toEqual([
      'layout.studentHome',
      'layout.programmePanel:Licence Agronomie',
      'layout.programmePanel:Master Œnologie',
    ]);
    expect(listed).toHaveBeenCalledWith(database.db, teacher, 'staff');
  });
});
