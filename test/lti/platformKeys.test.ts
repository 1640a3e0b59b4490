import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSigningKey, type SigningKey } from '../../src/lti/devPlatform/keys';
import { createPlatformKeyCache, KeysetUnavailableError, maxAgeOf } from '../../src/lti/platformKeys';

/** A platform's key endpoint on loopback: what it serves, how, and how often it was asked. */
async function startKeyEndpoint() {
  const endpoint = {
    keys: [] as SigningKey[],
    cacheControl: undefined as string | undefined,
    mode: 'up' as 'up' | 'error500' | 'hang',
    requests: 0,
    url: '',
  };
  const held = new Set<http.ServerResponse>();
  const server = http.createServer((_req, res) => {
    endpoint.requests += 1;
    if (endpoint.mode === 'hang') return void held.add(res);
    if (endpoint.mode === 'error500') return void res.writeHead(500).end();
    res.writeHead(200, {
      'content-type': 'application/json',
      ...(endpoint.cacheControl ? { 'cache-control': endpoint.cacheControl } : {}),
    });
    res.end(JSON.stringify({ keys: endpoint.keys.map((key) => key.publicJwk) }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  endpoint.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/certs`;
  const close = () => {
    for (const res of held) res.destroy();
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return Object.assign(endpoint, { close });
}

let endpoint: Awaited<ReturnType<typeof startKeyEndpoint>>;
let first: SigningKey;
let second: SigningKey;
beforeAll(async () => {
  [first, second] = await Promise.all([createSigningKey('key-1'), createSigningKey('key-2')]);
});
beforeEach(async () => {
  endpoint = await startKeyEndpoint();
  endpoint.keys = [first];
});
afterEach(() => endpoint.close());

/** A cache whose clock the test moves. */
function cacheAt(start = 1_000_000) {
  const clock = { now: start };
  const cache = createPlatformKeyCache({ timeoutMs: 500, now: () => clock.now });
  return { cache, clock };
}

describe('the cache of platform keys', () => {
  it.each([
    [null, undefined],
    ['public, max-age=3600', 3_600_000],
    ['max-age="120", must-revalidate', 120_000],
    ['no-store', 0],
    ['private, no-cache', 0],
  ])('reads Cache-Control %p as a max-age of %p ms', (header, expected) => {
    expect(maxAgeOf(header)).toBe(expected);
  });

  it('keeps the keyset as long as its max-age says, then fetches it again', async () => {
    endpoint.cacheControl = 'max-age=3600';
    const { cache, clock } = cacheAt();
    await Promise.all([cache.keyFor(endpoint.url, 'key-1'), cache.keyFor(endpoint.url, 'key-1')]);
    expect(endpoint.requests).toBe(1);
    clock.now += 3_599_000;
    await cache.keyFor(endpoint.url, 'key-1');
    expect(endpoint.requests).toBe(1);
    clock.now += 2_000;
    await cache.keyFor(endpoint.url, 'key-1');
    expect(endpoint.requests).toBe(2);
  });

  it('bounds the max-age: a minute at least (no-store), a day at most, ten minutes without header', async () => {
    endpoint.cacheControl = 'no-store';
    const noStore = cacheAt();
    await noStore.cache.keyFor(endpoint.url, 'key-1');
    noStore.clock.now += 59_000;
    await noStore.cache.keyFor(endpoint.url, 'key-1');
    expect(endpoint.requests).toBe(1);
    noStore.clock.now += 2_000;
    await noStore.cache.keyFor(endpoint.url, 'key-1');
    expect(endpoint.requests).toBe(2);

    endpoint.cacheControl = 'max-age=31536000';
    const year = cacheAt();
    await year.cache.keyFor(endpoint.url, 'key-1');
    year.clock.now += 24 * 3_600_000 + 1_000;
    await year.cache.keyFor(endpoint.url, 'key-1');
    expect(endpoint.requests).toBe(4);

    endpoint.cacheControl = undefined;
    const none = cacheAt();
    await none.cache.keyFor(endpoint.url, 'key-1');
    none.clock.now += 9 * 60_000;
    await none.cache.keyFor(endpoint.url, 'key-1');
    expect(endpoint.requests).toBe(5);
    none.clock.now += 2 * 60_000;
    await none.cache.keyFor(endpoint.url, 'key-1');
    expect(endpoint.requests).toBe(6);
  });

  it('fetches again for a key it does not hold (a rotation), but not more than once per cooldown for kids nobody publishes', async () => {
    const { cache, clock } = cacheAt();
    await cache.keyFor(endpoint.url, 'key-1');
    endpoint.keys = [second, first];
    await cache.keyFor(endpoint.url, 'key-2');
    expect(endpoint.requests).toBe(2);
    await expect(cache.keyFor(endpoint.url, 'made-up')).rejects.toThrow('KEY_NOT_FOUND');
    await expect(cache.keyFor(endpoint.url, 'made-up-too')).rejects.toThrow('KEY_NOT_FOUND');
    expect(endpoint.requests).toBe(2);
    clock.now += 11_000;
    await expect(cache.keyFor(endpoint.url, 'made-up')).rejects.toThrow('KEY_NOT_FOUND');
    expect(endpoint.requests).toBe(3);
  });

  it.each(['error500', 'hang'] as const)(
    'serves the known keys past their expiry while the endpoint is down (%s), asking it again only after a pause',
    async (mode) => {
      const { cache, clock } = cacheAt();
      const key = await cache.keyFor(endpoint.url, 'key-1');
      endpoint.mode = mode;
      clock.now += 11 * 60_000;
      expect(await cache.keyFor(endpoint.url, 'key-1')).toBe(key);
      expect(endpoint.requests).toBe(2);
      const started = Date.now();
      expect(await cache.keyFor(endpoint.url, 'key-1')).toBe(key);
      expect(Date.now() - started).toBeLessThan(100);
      expect(endpoint.requests).toBe(2);
      // A key it never had cannot be served: said at once, without waiting for the endpoint again.
      await expect(cache.keyFor(endpoint.url, 'key-2')).rejects.toBeInstanceOf(KeysetUnavailableError);
      expect(endpoint.requests).toBe(2);

      endpoint.mode = 'up';
      endpoint.keys = [second];
      clock.now += 31_000;
      await cache.keyFor(endpoint.url, 'key-2');
      expect(endpoint.requests).toBe(3);
      // The platform withdrew key-1: refused (after one look at the keyset, which still does not hold it).
      await expect(cache.keyFor(endpoint.url, 'key-1')).rejects.toThrow('KEY_NOT_FOUND');
      expect(endpoint.requests).toBe(4);
    },
  );

  it('stops serving known keys a day past their expiry when the endpoint stays down', async () => {
    const { cache, clock } = cacheAt();
    await cache.keyFor(endpoint.url, 'key-1');
    endpoint.mode = 'error500';
    clock.now += 10 * 60_000 + 24 * 3_600_000 + 1_000;
    await expect(cache.keyFor(endpoint.url, 'key-1')).rejects.toBeInstanceOf(KeysetUnavailableError);
  });

  it('says the keyset is unavailable when it never had it and the endpoint does not answer in time', async () => {
    endpoint.mode = 'hang';
    const { cache } = cacheAt();
    const started = Date.now();
    await expect(cache.keyFor(endpoint.url, 'key-1')).rejects.toBeInstanceOf(KeysetUnavailableError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
