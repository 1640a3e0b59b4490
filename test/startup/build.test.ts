import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
// Plain JavaScript run by `npm start` before the server: required as is.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { build, output } = require('../../scripts/build.js') as {
  build: () => { written: number; kept: number; removed: number };
  output: string;
};

describe('the build `npm start` runs first (scripts/build.js)', () => {
  it('is what `npm start` runs, then the compiled server', () => {
    const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toBe('node scripts/start.js');
    expect(readFileSync(path.join(root, 'scripts', 'start.js'), 'utf8')).toMatch(
      /build\(\);\s*require\(path\.join\(output, 'server\.js'\)\);/,
    );
  });

  it('compiles every source file beside the migrations, at the same depth as src/, and rewrites nothing unchanged', () => {
    build();
    expect(output).toBe(path.join(root, 'dist'));
    for (const file of ['server.js', 'app.js', 'services/documents/pdfWorkerMain.js', 'models/migrations/meta/_journal.json']) {
      expect(existsSync(path.join(output, file))).toBe(true);
    }
    expect(readFileSync(path.join(output, 'models/migrations/0000_core.sql'), 'utf8')).toBe(
      readFileSync(path.join(root, 'src/models/migrations/0000_core.sql'), 'utf8'),
    );
    const serverBefore = statSync(path.join(output, 'server.js')).mtimeMs;
    const again = build();
    expect(again.written).toBe(0);
    expect(again.kept).toBeGreaterThan(400);
    expect(statSync(path.join(output, 'server.js')).mtimeMs).toBe(serverBefore);
  });

  it('removes what src/ no longer has', () => {
    const stale = path.join(output, 'removedModule.js');
    writeFileSync(stale, 'module.exports = {};\n');
    build();
    expect(existsSync(stale)).toBe(false);
  });
});
