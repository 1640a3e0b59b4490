import { spawn } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/models/database';
import { ltiDeploymentRepository } from '../../src/models/ltiDeploymentRepository';

const root = path.join(__dirname, '..', '..');
/** What `npm start` runs (package.json): the compiled server, built from src/ first. */
const npmStart = 'scripts/start.js';
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

/** A TypeScript script through tsx, or `npm start`'s own script (plain JavaScript: it builds dist/ and runs it) through node. */
function run(script: string, args: string[], env: Record<string, string>, cwd: string) {
  const child = spawn(script.endsWith('.js') ? process.execPath : tsx, [path.join(root, script), ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, exited, output: () => output };
}

async function waitForHealth(url: string, deadline: number) {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return response;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('server did not answer');
}

/**
 * A start from an empty folder creates a PGlite cluster (initdb: several seconds of CPU alone); on a loaded
 * two-core machine a spawned process took over 40 s. The budget only stops a start-up that hangs.
 */
const startBudgetMs = 120_000;

describe('start-up', () => {
  it(
    'starts with no environment at all and serves /health from an empty folder, creating ./data',
    async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'pstage-start-'));
      const port = 31000 + Math.floor(Math.random() * 2000);
      const server = run(npmStart, [], { PORT: String(port), LOG_LEVEL: 'silent' }, folder);
      try {
        const response = await waitForHealth(`http://127.0.0.1:${port}/health`, Date.now() + startBudgetMs - 10_000).catch(
          (error: unknown) => {
            throw new Error(`${String(error)}: ${server.output()}`);
          },
        );
        expect(await response.json()).toEqual({ status: 'ok', database: { kind: 'pglite', status: 'ok' } });
        expect(existsSync(path.join(folder, 'data', 'pglite'))).toBe(true);
        const dev = await fetch(`http://127.0.0.1:${port}/dev`);
        expect({ status: dev.status, body: dev.status === 200 ? '' : await dev.text() }).toEqual({ status: 200, body: '' });
      } finally {
        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
      }
    },
    startBudgetMs,
  );

  it(
    'refuses to start in production without its secrets, naming each one',
    async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'pstage-prod-'));
      const server = run(npmStart, [], { NODE_ENV: 'production' }, folder);
      expect(await server.exited).toBe(1);
      for (const name of ['DATABASE_URL', 'ENCRYPTION_KEY', 'PUBLIC_BASE_URL', 'SMTP_HOST', 'SEAL_P12_PATH']) {
        expect(server.output()).toContain(name);
      }
    },
    startBudgetMs,
  );

  it(
    'refuses to enable the development platform in production',
    async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'pstage-prod-'));
      const server = run(npmStart, [], { NODE_ENV: 'production', DEV_PLATFORM: 'true' }, folder);
      expect(await server.exited).toBe(1);
      expect(server.output()).toContain('DEV_PLATFORM cannot be enabled in production');
    },
    startBudgetMs,
  );

  it(
    'registers a platform from the command line, with the deployments launches may come from',
    async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'pstage-cli-'));
      const cli = run(
        'scripts/platform.ts',
        [
          'add',
          '--issuer',
          'https://moodle.example.fr',
          '--client-id',
          'abc123',
          '--deployment-id',
          '1',
          '--deployment-id',
          '7',
          '--auth-url',
          'https://moodle.example.fr/mod/lti/auth.php',
          '--token-url',
          'https://moodle.example.fr/mod/lti/token.php',
          '--jwks-url',
          'https://moodle.example.fr/mod/lti/certs.php',
        ],
        {},
        folder,
      );
      expect(await cli.exited).toBe(0);
      expect(cli.output()).toContain('Registered https://moodle.example.fr (client abc123, deployment 1, 7) — active');
      const listed = run('scripts/platform.ts', ['list'], {}, folder);
      expect(await listed.exited).toBe(0);
      expect(listed.output()).toContain('https://moodle.example.fr  client abc123  deployments: 1, 7  [active]');
      const database = await openDatabase({ kind: 'pglite', dataDir: path.join(folder, 'data', 'pglite') });
      try {
        expect(await ltiDeploymentRepository.list(database.db, 'https://moodle.example.fr', 'abc123')).toEqual(['1', '7']);
      } finally {
        await database.close();
      }
    },
    startBudgetMs,
  );

  it(
    'explains the command line usage when a value is missing',
    async () => {
      const cli = run(
        'scripts/platform.ts',
        ['add', '--issuer', 'https://moodle.example.fr'],
        {},
        mkdtempSync(path.join(tmpdir(), 'pstage-cli-')),
      );
      expect(await cli.exited).toBe(2);
      expect(cli.output()).toContain('Missing: --client-id, --auth-url, --token-url, --jwks-url');
    },
    startBudgetMs,
  );
});
