import type { Logger } from 'pino';
import { loadConfig, type Config } from '../../src/config';
import { startPstage, type RunningPstage } from '../../src/pstage';
import type { DatabaseHandle } from '../../src/models/database';
import { BrowserlessClient } from './browserlessClient';
import { registerDevelopmentPlatform } from '../../src/lti/developmentPlatform';
import { openTestDatabase, truncateAll } from './database';
import { ltiRecords } from '../../src/models/schema';
import { testClock } from './clock';
import { pooledToolKeyPairs } from './toolKeyPool';
import type { ToolKeyPairSource } from '../../src/lti/toolKeyPairs';
import type { Clock } from '../../src/clock';

export interface TestPstage extends RunningPstage {
  database: DatabaseHandle;
  /** Launches a persona through one of its links, through the real OIDC flow; returns the client and the landing page. */
  launch(personaId: string, linkId: string): Promise<{ client: BrowserlessClient; page: Awaited<ReturnType<BrowserlessClient['follow']>> }>;
  reset(): Promise<void>;
}

/**
 * What the journeys (test/support/studentJourney.ts, officeJourney) need: launches, and the database to read back; the
 * app's configuration when it runs in this process (the signature circuit's use cases read it).
 */
export type JourneyTarget = Pick<TestPstage, 'database' | 'launch'> & Partial<Pick<TestPstage, 'services'>>;

export interface TestPstageOptions {
  /** Lets a test pretend to be served over HTTPS (behind a proxy) while it listens on plain HTTP. */
  publicBaseUrl?: (port: number) => string;
  /** Another database than the worker's test database (one reached through a proxy, say); closed by `stop`. */
  database?: DatabaseHandle;
  logger?: Logger;
  /** Off by default: tests drive the outbox themselves. */
  outboxWorker?: boolean;
  outboxPollMs?: number;
  shutdownGraceMs?: number;
  /** Replaces the pool of key pairs made once per run (test/support/toolKeyPool.ts). */
  toolKeyPairs?: ToolKeyPairSource;
  /** The listen address (HOST); every interface by default. */
  host?: string;
  /** Another clock than the run's (`movableClock()` lets a test go to the end of an internship). */
  clock?: Clock;
  /**
   * `useTestPstage` only. Off: the database is not emptied before each test, so cases that only read can share
   * one fixture built in a `beforeAll` (which calls `reset()` itself). On by default.
   */
  resetBeforeEach?: boolean;
  /** `useTestPstage` only: environment variables of the app's configuration (a threshold, say). */
  env?: Record<string, string>;
}

export async function startTestPstage(env: Record<string, string> = {}, options: TestPstageOptions = {}): Promise<TestPstage> {
  const database = options.database ?? (await openTestDatabase());
  const configFor = (port: number): Config =>
    loadConfig({
      NODE_ENV: 'test',
      PORT: String(port),
      PUBLIC_BASE_URL: options.publicBaseUrl?.(port) ?? `http://127.0.0.1:${port}`,
      DATA_DIR: '/tmp/pstage-test-data',
      ...env,
    });
  const running = await startPstage({
    configFor,
    port: 0,
    host: options.host,
    database,
    logger: options.logger,
    outboxWorker: options.outboxWorker ?? false,
    outboxPollMs: options.outboxPollMs,
    shutdownGraceMs: options.shutdownGraceMs,
    clock: options.clock ?? testClock,
    toolKeyPairs: options.toolKeyPairs ?? pooledToolKeyPairs,
  });
  // The development platform is registered once per file; its rows are put back after each truncation.
  let devPlatformRecords: Omit<typeof ltiRecords.$inferSelect, 'id'>[] | undefined;
  const registerDevPlatform = async () => {
    if (devPlatformRecords) {
      if (devPlatformRecords.length > 0) await database.db.insert(ltiRecords).values(devPlatformRecords);
      return;
    }
    await registerDevelopmentPlatform(running.services, running.devPlatform!);
    devPlatformRecords = (await database.db.select().from(ltiRecords)).map(({ id: _id, ...row }) => row);
  };
  // Right after start-up the only LTI records are the development platform's, registered by startPstage.
  devPlatformRecords = (await database.db.select().from(ltiRecords)).map(({ id: _id, ...row }) => row);
  return {
    ...running,
    database,
    async launch(personaId, linkId) {
      const client = new BrowserlessClient(running.url);
      const page = await client.follow(running.devPlatform!.launchUrlFor(personaId, linkId));
      return { client, page };
    },
    async reset() {
      await truncateAll(database);
      await registerDevPlatform();
    },
    async stop() {
      await running.stop();
      await database.close();
    },
  };
}

/**
 * The usual setup of a route test file: one app for the file (PGlite costs ~3 s a start), emptied before each test.
 * Returns a stand-in that forwards to the running instance once `beforeAll` has started it.
 */
export function useTestPstage(options: TestPstageOptions = {}): TestPstage {
  let running: TestPstage | undefined;
  // A start-up (PGlite from its template, migrations, the app, the development platform) has a budget of its own:
  // on a loaded two-core machine it can take longer than one test's 30 s.
  beforeAll(async () => {
    running = await startTestPstage(options.env ?? {}, options);
  }, 90_000);
  afterAll(async () => running?.stop());
  if (options.resetBeforeEach !== false) beforeEach(async () => running!.reset());
  return new Proxy({} as TestPstage, {
    get(_target, property) {
      if (!running) throw new Error('useTestPstage: the app is used before beforeAll started it');
      return running[property as keyof TestPstage];
    },
  });
}
