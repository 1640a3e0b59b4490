import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { testDatabaseUrl } from '../support/database';
import { startTcpProxy } from '../support/tcpProxy';

/** `tsx src/server.ts` on a PostgreSQL server whose connections the test cuts: needs DATABASE_URL (the suite's PostgreSQL pass). */
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl)
  console.info('test/robustness/spawnedServer.test.ts: skipped, it needs a PostgreSQL server (runs when DATABASE_URL is set)');
const onPostgres = databaseUrl ? describe : describe.skip;

const root = path.join(__dirname, '..', '..');

async function until(what: string, probe: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What /health answers, or undefined while the port is closed or the server still starting (a plain-text 503). */
const health = (port: number) =>
  fetch(`http://127.0.0.1:${port}/health`).then(
    async (response) =>
      response.headers.get('content-type')?.startsWith('application/json')
        ? { status: response.status, body: (await response.json()) as { database: { status: string } } }
        : undefined,
    () => undefined,
  );

onPostgres('a Pstage server process on PostgreSQL', () => {
  it('survives its connections terminated and the server unreachable, healthy again as soon as it is back; SIGTERM ends it cleanly', async () => {
    const url = await testDatabaseUrl('spawned');
    const target = new URL(url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const proxied = new URL(url);
    proxied.host = `127.0.0.1:${proxy.port}`;
    const port = 33000 + Math.floor(Math.random() * 2000);
    const folder = mkdtempSync(path.join(os.tmpdir(), 'pstage-spawned-'));
    const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'src/server.ts')], {
      cwd: folder,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        PORT: String(port),
        DATABASE_URL: proxied.toString(),
        LOG_LEVEL: 'info',
      },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const admin = new Client({ connectionString: url });
    try {
      await until('start-up', async () => (await health(port))?.status === 200, 40_000).catch((error: unknown) => {
        throw new Error(`${String(error)}\n${output}`);
      });
      await admin.connect();
      await until(
        'its backends terminated',
        async () => {
          const terminated = await admin.query(
            'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
          );
          return (terminated.rowCount ?? 0) > 0;
        },
        10_000,
      );
      await until('the server healthy after the terminations', async () => (await health(port))?.status === 200, 10_000);

      await proxy.cut();
      await until(
        '/health reporting the database unreachable',
        async () => {
          const answer = await health(port);
          return answer?.status === 503 && answer.body.database.status === 'unreachable';
        },
        10_000,
      );
      await proxy.restore();
      await until('the server healthy again', async () => (await health(port))?.status === 200, 10_000);

      expect(child.exitCode).toBeNull();
      const messages = output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => (JSON.parse(line) as { msg: string }).msg);
      expect(messages).toContain('database unreachable');
      expect(messages).toContain('database back');
      expect(messages.filter((msg) => /uncaught|unhandled|unexpected error/.test(msg))).toEqual([]);

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('"msg":"stopped"');
    } finally {
      await admin.end().catch(() => undefined);
      if (child.exitCode === null) child.kill('SIGKILL');
      await proxy.close();
    }
  }, 90_000);
});
