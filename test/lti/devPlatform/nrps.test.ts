import request from 'supertest';
import { role, scope } from '../../../src/lti/devPlatform';
import { accessToken, startDevPlatformServer, type DevPlatformServer } from './devPlatformServer';

let env: DevPlatformServer;
let token: string;
const memberships = '/dev/platform/nrps/course-m1-info/memberships';

beforeAll(async () => {
  env = await startDevPlatformServer();
  token = await accessToken(env, [scope.contextMembershipReadOnly]);
});
afterAll(() => env.close());

describe('names and role provisioning services', () => {
  it('lists every member of a course, including students who never launched', async () => {
    const response = await request(env.baseUrl)
      .get(memberships)
      .set('Authorization', `Bearer ${token}`)
      .set('Accept', 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/membershipcontainer\+json/);
    const body = JSON.parse(response.text);
    expect(body.id).toBe(`${env.baseUrl}${memberships}`);
    expect(body.context).toEqual({ id: 'course-m1-info', label: 'M1-INFO', title: 'M1 Informatique' });
    expect(body.members).toHaveLength(7);
    expect(body.members).toContainEqual({
      status: 'Active',
      name: 'Thomas Roux',
      given_name: 'Thomas',
      family_name: 'Roux',
      email: 'thomas.roux@etu.example.fr',
      user_id: '103',
      lis_person_sourcedid: '21907001',
      roles: [role.learner],
    });
  });

  it('filters by role, by full URI or short name', async () => {
    for (const wanted of [role.instructor, 'Instructor']) {
      const body = JSON.parse(
        (await request(env.baseUrl).get(memberships).query({ role: wanted }).set('Authorization', `Bearer ${token}`)).text,
      );
      expect(body.members.map((m: { name: string }) => m.name)).toEqual(['Jean Dupont', 'Claire Lambert']);
    }
  });

  it('pages with a next link when a limit is given', async () => {
    const first = await request(env.baseUrl).get(memberships).query({ limit: 5 }).set('Authorization', `Bearer ${token}`);
    expect(JSON.parse(first.text).members).toHaveLength(5);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.link!)![1]!;
    const second = await request(env.baseUrl)
      .get(new URL(next).pathname + new URL(next).search)
      .set('Authorization', `Bearer ${token}`);
    expect(JSON.parse(second.text).members).toHaveLength(2);
    expect(second.headers.link).toBeUndefined();
  });

  it('answers 401 without token, 403 with an AGS-only token, 500 during an outage', async () => {
    expect((await request(env.baseUrl).get(memberships)).status).toBe(401);
    const agsOnly = await accessToken(env, [scope.score]);
    expect((await request(env.baseUrl).get(memberships).set('Authorization', `Bearer ${agsOnly}`)).status).toBe(403);
    env.platform.setOutage('error500');
    try {
      expect((await request(env.baseUrl).get(memberships).set('Authorization', `Bearer ${token}`)).status).toBe(500);
    } finally {
      env.platform.setOutage(null);
    }
  });
});
