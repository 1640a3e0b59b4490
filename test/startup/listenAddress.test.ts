import http from 'node:http';
import { ConfigError, loadConfig } from '../../src/config';
import { testDatabaseUrl } from '../support/database';
import { spawnPstage, type SpawnedPstage } from '../support/spawnedPstage';

/**
 * On PGlite a start from an empty folder runs initdb (over 40 s of a loaded two-core machine); the budget only
 * stops a start-up that hangs, the test waits for /health itself.
 */
const startBudgetMs = 150_000;

/** One GET of /health on `address`: its status, or the connection's error code (nothing listens there). */
function health(address: string, port: number): Promise<number | string> {
  return new Promise((resolve) => {
    const request = http.get({ host: address, port, path: '/health', agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

describe('HOST, the listen address', () => {
  let pstage: SpawnedPstage | undefined;
  afterAll(async () => pstage?.stop());

  it(
    'with HOST=127.0.0.1 the server answers /health on 127.0.0.1 and nowhere else (not on ::1)',
    async () => {
      const database: Record<string, string> = process.env.DATABASE_URL ? { DATABASE_URL: await testDatabaseUrl('listen_address') } : {};
      pstage = await spawnPstage({ HOST: '127.0.0.1', ...database }, { startTimeoutMs: startBudgetMs - 10_000 });
      expect(await health('127.0.0.1', pstage.port)).toBe(200);
      // Every interface (Node's default `::`) would answer on the IPv6 loopback too.
      expect(await health('::1', pstage.port)).not.toBe(200);
      expect(pstage.output()).toContain('"listen":"127.0.0.1"');
    },
    startBudgetMs,
  );

  it('accepts an IP address or a host name, and names HOST when it is neither', () => {
    expect(loadConfig({ HOST: ' :: ' }).host).toBe('::');
    expect(loadConfig({ HOST: 'localhost' }).host).toBe('localhost');
    expect(loadConfig({}).host).toBeUndefined();
    expect(() => loadConfig({ HOST: 'http://127.0.0.1:3000' })).toThrow(ConfigError);
    expect(() => loadConfig({ HOST: 'http://127.0.0.1:3000' })).toThrow(/HOST: must be an IP address or a host name/);
  });
});
