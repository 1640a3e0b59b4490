import request from 'supertest';
import { scope } from '../../../src/lti/devPlatform';
import { accessToken, startDevPlatformServer, type DevPlatformServer } from './devPlatformServer';

let env: DevPlatformServer;
beforeAll(async () => {
  env = await startDevPlatformServer();
});
afterAll(() => env.close());

describe('the gradebook page', () => {
  it('shows each course line item with the latest score, comment and progress of each student', async () => {
    const token = await accessToken(env, [scope.lineItem, scope.score]);
    const auth = { Authorization: `Bearer ${token}` };
    const created = await request(env.baseUrl)
      .post('/dev/platform/ags/course-m1-info/lineitems')
      .set(auth)
      .send({ label: 'Convention de stage', scoreMaximum: 6 });
    const scores = `${new URL(created.body.id).pathname}/scores`;
    const base = { userId: '101', scoreMaximum: 6, activityProgress: 'Submitted', gradingProgress: 'Pending' };
    await request(env.baseUrl)
      .post(scores)
      .set(auth)
      .send({ ...base, scoreGiven: 1, comment: 'Brouillon', timestamp: '2025-03-01T09:00:00Z' });
    await request(env.baseUrl)
      .post(scores)
      .set(auth)
      .send({ ...base, scoreGiven: 2, comment: 'Soumise', timestamp: '2025-03-02T09:00:00Z' });

    const page = await request(env.baseUrl).get('/dev/gradebook');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h2 id="cours-course-m1-info" class="h3">M1 Informatique</h2>');
    expect(page.text).toContain('Convention de stage (sur 6)');
    const camille = /<th scope="row">Camille Martin<\/th>([\s\S]*?)<\/tr>/.exec(page.text)![1]!;
    expect(camille).toContain('2 / 6');
    expect(camille).toContain('Soumise');
    expect(camille).toContain('Submitted');
    expect(camille).toContain('Pending');
    expect(camille).not.toContain('Brouillon');
    const thomas = /<th scope="row">Thomas Roux<\/th>([\s\S]*?)<\/tr>/.exec(page.text)![1]!;
    expect(thomas).toContain('Aucune note');
    expect(page.text).toContain('L3 Chimie');
  });
});
