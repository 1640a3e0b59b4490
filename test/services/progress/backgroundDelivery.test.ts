import { loadConfig } from '../../../src/config';
import type { DatabaseHandle } from '../../../src/models/database';
import { startPstage, type RunningPstage } from '../../../src/pstage';
import { BrowserlessClient } from '../../support/browserlessClient';
import { openTestDatabase } from '../../support/database';
import type { TestPstage } from '../../support/pstage';
import { proposeSubject } from '../../support/studentJourney';
import { pooledToolKeyPairs } from '../../support/toolKeyPool';

let database: DatabaseHandle;
let running: RunningPstage;

beforeAll(async () => {
  database = await openTestDatabase();
  running = await startPstage({
    configFor: (port) =>
      loadConfig({ NODE_ENV: 'test', PORT: String(port), PUBLIC_BASE_URL: `http://127.0.0.1:${port}`, DATA_DIR: '/tmp/pstage-test-data' }),
    port: 0,
    database,
    outboxWorker: true,
    // Far longer than the test: what is delivered comes from the wake-up after the student's request.
    outboxPollMs: 10 * 60_000,
    toolKeyPairs: pooledToolKeyPairs,
  });
});

afterAll(async () => {
  await running?.stop();
  await database?.close();
});

async function eventually<T>(read: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('nothing arrived in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

it("the running server posts a student's progress to the LMS in the background as soon as the request that changed it is answered, without waiting for the poll", async () => {
  const client = new BrowserlessClient(running.url);
  await client.follow(running.devPlatform!.launchUrlFor('camille-martin', 'm1-info'));
  await proposeSubject({ database } as TestPstage, client);

  const score = await eventually(() => running.devPlatform!.gradebook().scores.find((posted) => posted.userId === '101'), 5_000);
  expect(score).toMatchObject({
    scoreGiven: 1,
    scoreMaximum: 6,
    gradingProgress: 'FullyGraded',
    comment: expect.stringMatching(/^Sujet proposé/),
  });
});
