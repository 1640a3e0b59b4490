import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');

describe('the process guards of server.ts', () => {
  it('log an exception that escaped every handler and a rejection nobody awaited, and the process goes on', async () => {
    const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(__dirname, 'fixtures', 'escapingErrors.ts')], {
      cwd: root,
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    const messages = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg: string; err?: { message: string } });
    expect(messages.map((entry) => [entry.msg, entry.err?.message])).toEqual(
      expect.arrayContaining([
        ['uncaught exception, server kept running', 'thrown after the answer was sent'],
        ['unhandled promise rejection, server kept running', 'rejected and never awaited'],
      ]),
    );
    expect(output).toContain('still serving');
  }, 30_000);
});
