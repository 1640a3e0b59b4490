import request from 'supertest';
import { scope } from '../../../src/lti/devPlatform';
import { accessToken, startDevPlatformServer, type DevPlatformServer } from './devPlatformServer';

let env: DevPlatformServer;
let token: string;
const lineItems = '/dev/platform/ags/course-m1-info/lineitems';

beforeAll(async () => {
  env = await startDevPlatformServer();
  token = await accessToken(env, [scope.lineItem, scope.lineItemReadOnly, scope.score, scope.resultReadOnly]);
});
afterAll(() => env.close());

const auth = (value = token) => ({ Authorization: `Bearer ${value}` });
const pathOf = (url: string) => new URL(url).pathname;

function score(userId: string, timestamp: string, fields: Record<string, unknown> = {}) {
  return {
    userId,
    scoreGiven: 1,
    scoreMaximum: 6,
    comment: 'Soumise',
    activityProgress: 'Submitted',
    gradingProgress: 'Pending',
    timestamp,
    ...fields,
  };
}

describe('assignment and grade services', () => {
  it('creates, lists, filters, reads, updates and deletes line items', async () => {
    const created = await request(env.baseUrl)
      .post(lineItems)
      .set(auth())
      .type('application/vnd.ims.lis.v2.lineitem+json')
      .send(
        JSON.stringify({
          label: 'Convention de stage',
          scoreMaximum: 6,
          resourceId: 'convention',
          tag: 'pstage',
          resourceLinkId: 'rl-m1-info-convention',
        }),
      );
    expect(created.status).toBe(201);
    expect(created.headers['content-type']).toMatch(/application\/vnd\.ims\.lis\.v2\.lineitem\+json/);
    expect(created.body).toMatchObject({
      id: expect.stringContaining(`${env.baseUrl}${lineItems}/`),
      label: 'Convention de stage',
      scoreMaximum: 6,
      tag: 'pstage',
    });
    await request(env.baseUrl).post(lineItems).set(auth()).send({ label: 'Autre', scoreMaximum: 10 });

    const all = await request(env.baseUrl).get(lineItems).set(auth()).set('Accept', 'application/vnd.ims.lis.v2.lineitemcontainer+json');
    expect(all.headers['content-type']).toMatch(/lineitemcontainer\+json/);
    expect(JSON.parse(all.text)).toHaveLength(2);
    for (const query of [{ tag: 'pstage' }, { resource_id: 'convention' }, { resource_link_id: 'rl-m1-info-convention' }]) {
      const filtered = JSON.parse((await request(env.baseUrl).get(lineItems).query(query).set(auth())).text);
      expect(filtered.map((item: { label: string }) => item.label)).toEqual(['Convention de stage']);
    }
    expect(JSON.parse((await request(env.baseUrl).get('/dev/platform/ags/course-l3-chimie/lineitems').set(auth())).text)).toEqual([]);

    const path = pathOf(created.body.id);
    expect(JSON.parse((await request(env.baseUrl).get(path).set(auth())).text).label).toBe('Convention de stage');
    const updated = await request(env.baseUrl).put(path).set(auth()).send({ label: 'Convention (renommée)', scoreMaximum: 6 });
    expect(JSON.parse(updated.text).label).toBe('Convention (renommée)');
    const other = JSON.parse(all.text).find((item: { label: string }) => item.label === 'Autre');
    expect((await request(env.baseUrl).delete(pathOf(other.id)).set(auth())).status).toBe(204);
    expect((await request(env.baseUrl).get(pathOf(other.id)).set(auth())).status).toBe(404);
  });

  it('keeps every score, the latest per user being the result, and refuses an older one with 409', async () => {
    const item = JSON.parse((await request(env.baseUrl).post(lineItems).set(auth()).send({ label: 'Scores', scoreMaximum: 6 })).text);
    const scores = `${pathOf(item.id)}/scores`;
    const post = (body: object) =>
      request(env.baseUrl).post(scores).set(auth()).type('application/vnd.ims.lis.v1.score+json').send(JSON.stringify(body));
    expect((await post(score('101', '2025-03-01T10:00:00.000Z'))).status).toBe(200);
    expect(
      (
        await post(
          score('101', '2025-03-02T10:00:00.000Z', {
            scoreGiven: 6,
            comment: 'Complète',
            activityProgress: 'Completed',
            gradingProgress: 'FullyGraded',
          }),
        )
      ).status,
    ).toBe(200);
    const older = await post(score('101', '2025-03-01T12:00:00.000Z', { comment: 'En retard' }));
    expect(older.status).toBe(409);
    expect((await post(score('102', '2025-03-01T10:00:00.000Z', { scoreGiven: 3, scoreMaximum: 12 }))).status).toBe(200);

    const results = await request(env.baseUrl)
      .get(`${pathOf(item.id)}/results`)
      .set(auth());
    expect(results.headers['content-type']).toMatch(/resultcontainer\+json/);
    expect(JSON.parse(results.text)).toEqual([
      { id: expect.any(String), scoreOf: item.id, userId: '101', resultScore: 6, resultMaximum: 6, comment: 'Complète' },
      { id: expect.any(String), scoreOf: item.id, userId: '102', resultScore: 1.5, resultMaximum: 6, comment: 'Soumise' },
    ]);
    const one = JSON.parse(
      (
        await request(env.baseUrl)
          .get(`${pathOf(item.id)}/results`)
          .query({ user_id: '102' })
          .set(auth())
      ).text,
    );
    expect(one).toHaveLength(1);
    expect(env.platform.gradebook().scores.filter((s) => s.lineItemId === item.id)).toHaveLength(3);
  });

  it('refuses an invalid score or line item with 400', async () => {
    expect((await request(env.baseUrl).post(lineItems).set(auth()).send({ label: '' })).status).toBe(400);
    const item = JSON.parse((await request(env.baseUrl).post(lineItems).set(auth()).send({ label: 'Invalide', scoreMaximum: 1 })).text);
    const response = await request(env.baseUrl)
      .post(`${pathOf(item.id)}/scores`)
      .set(auth())
      .send({ userId: '101', activityProgress: 'Done' });
    expect(response.status).toBe(400);
    expect(response.body.details.join(' ')).toMatch(/timestamp/);
  });

  it('answers 401 without a valid token and 403 without the needed scope', async () => {
    expect((await request(env.baseUrl).get(lineItems)).status).toBe(401);
    expect((await request(env.baseUrl).get(lineItems).set(auth('forged'))).status).toBe(401);
    const readOnly = await accessToken(env, [scope.lineItemReadOnly]);
    expect((await request(env.baseUrl).get(lineItems).set(auth(readOnly))).status).toBe(200);
    const refused = await request(env.baseUrl).post(lineItems).set(auth(readOnly)).send({ label: 'Non', scoreMaximum: 1 });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('insufficient_scope');
  });

  it('answers 404 for a site context and 500 during a simulated outage', async () => {
    expect((await request(env.baseUrl).get('/dev/platform/ags/site/lineitems').set(auth())).status).toBe(404);
    env.platform.setOutage('error500');
    try {
      expect((await request(env.baseUrl).get(lineItems).set(auth())).status).toBe(500);
    } finally {
      env.platform.setOutage(null);
    }
    expect((await request(env.baseUrl).get(lineItems).set(auth())).status).toBe(200);
  });
});
