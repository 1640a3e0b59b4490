import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface SpawnedPstage {
  port: number;
  /** Its name (the application_name of its database sessions, when its DATABASE_URL says so). */
  name: string;
  child: ChildProcessWithoutNullStreams;
  /** Everything it printed so far (its JSON log lines). */
  output(): string;
  /** The `msg` of each JSON log line. */
  messages(): string[];
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** kill -9: no handler runs, nothing is flushed, its connections die with it. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful shutdown; resolves with its exit code. */
  stop(): Promise<number | null>;
}

export async function until(what: string, probe: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A free loopback port (asked of the system, then released for the child to take). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function healthy(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`);
    await response.body?.cancel();
    return response.status === 200 && response.headers.get('content-type')?.startsWith('application/json') === true;
  } catch {
    return false;
  }
}

let built: string | undefined;

/** dist/server.js, built from src/ once per test file (scripts/build.js: only what changed is written). */
function compiledServer(): string {
  if (!built) {
    // The build `npm start` runs first, plain JavaScript.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { build, output } = require('../../scripts/build.js') as { build: () => unknown; output: string };
    build();
    built = path.join(output, 'server.js');
  }
  return built;
}

/**
 * The server as `npm start` runs it, compiled (dist/server.js) (its own process, its own pool, the outbox worker and the scheduler
 * on), with `env` and nothing of the test's environment but PATH, HOME and PSTAGE_TODAY. Resolves once /health answers 200.
 */
export async function spawnPstage(
  env: Record<string, string>,
  options: { port?: number; startTimeoutMs?: number; name?: string; nodeArguments?: string[] } = {},
): Promise<SpawnedPstage> {
  const port = options.port ?? (await freePort());
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pstage-spawned-'));
  const child = spawn(process.execPath, [...(options.nodeArguments ?? []), compiledServer()], {
    cwd: folder,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: String(port),
      LOG_LEVEL: 'info',
      // The day the test's clock starts from (test/support/clock.ts) is the process's too.
      ...(process.env.PSTAGE_TODAY ? { PSTAGE_TODAY: process.env.PSTAGE_TODAY } : {}),
      ...env,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const spawned: SpawnedPstage = {
    port,
    name: options.name ?? `pstage-${port}`,
    child,
    output: () => output,
    messages: () =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => (JSON.parse(line) as { msg: string }).msg),
    exited,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
  try {
    await until(
      `Pstage on port ${port} to start`,
      async () => {
        if (child.exitCode !== null) throw new Error(`Pstage exited with ${child.exitCode}`);
        return healthy(port);
      },
      options.startTimeoutMs ?? 45_000,
    );
  } catch (error) {
    await spawned.kill();
    throw new Error(`${String(error)}\n${output}`, { cause: error });
  }
  return spawned;
}
