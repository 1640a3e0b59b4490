import type { Options } from 'express-rate-limit';
import type { DatabaseHandle } from '../../src/models/database';
import { DatabaseRateLimitStore } from '../../src/models/rateLimitStore';
import { rateLimits } from '../../src/models/schema';
import { openTestDatabase, truncateAll } from '../support/database';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());
beforeEach(async () => truncateAll(database));

const start = new Date('2026-03-02T09:00:00Z');

function storeAt(clock: { now: Date }, prefix = 'launch:') {
  const store = new DatabaseRateLimitStore(database.db, prefix, () => clock.now);
  store.init({ windowMs: 60_000 } as Options);
  return store;
}

describe('the rate-limit store over the database', () => {
  it('counts the hits of one client across two instances (two servers on one database)', async () => {
    const clock = { now: start };
    const [first, second] = [storeAt(clock), storeAt(clock)];
    expect((await first.increment('10.0.0.1')).totalHits).toBe(1);
    expect((await second.increment('10.0.0.1')).totalHits).toBe(2);
    const third = await first.increment('10.0.0.1');
    expect(third).toEqual({ totalHits: 3, resetTime: new Date('2026-03-02T09:01:00Z') });
    expect((await second.increment('10.0.0.2')).totalHits).toBe(1);
    expect(await second.get('10.0.0.1')).toEqual(third);
  });

  it('counts concurrent hits exactly once each', async () => {
    const clock = { now: start };
    const stores = [storeAt(clock), storeAt(clock), storeAt(clock)];
    const results = await Promise.all(Array.from({ length: 12 }, (_, index) => stores[index % 3].increment('10.0.0.1')));
    expect(results.map((result) => result.totalHits).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
  });

  it('starts a new window once the previous one is over, and removes past windows', async () => {
    const clock = { now: start };
    const store = storeAt(clock);
    await store.increment('10.0.0.1');
    await store.increment('10.0.0.2');
    await store.increment('10.0.0.1');
    clock.now = new Date('2026-03-02T09:01:30Z');
    expect(await store.get('10.0.0.1')).toBeUndefined();
    expect(await store.increment('10.0.0.1')).toEqual({ totalHits: 1, resetTime: new Date('2026-03-02T09:02:30Z') });
    expect((await database.db.select().from(rateLimits)).map((row) => row.key)).toEqual(['launch:10.0.0.1']);
  });

  it('keeps the counts of two limiters apart, and decrements and resets one client', async () => {
    const clock = { now: start };
    const launches = storeAt(clock);
    const registrations = storeAt(clock, 'registration:');
    await launches.increment('10.0.0.1');
    await launches.increment('10.0.0.1');
    expect((await registrations.increment('10.0.0.1')).totalHits).toBe(1);
    await launches.decrement('10.0.0.1');
    expect((await launches.get('10.0.0.1'))?.totalHits).toBe(1);
    await launches.resetKey('10.0.0.1');
    expect(await launches.get('10.0.0.1')).toBeUndefined();
    expect((await registrations.get('10.0.0.1'))?.totalHits).toBe(1);
  });
});
