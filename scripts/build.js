// @ts-check
/**
 * `npm run build`: src/ compiled to JavaScript in dist/, file for file (esbuild: types stripped, no bundling, no
 * type check — `npm run typecheck` does that), beside the migrations and the JSON files the code reads. dist/ sits at
 * the same depth as src/, so every path the code derives from `__dirname` (views, locales, node_modules) holds.
 *
 * Only files whose content changed are written, each through a temporary file renamed over the old one, and files
 * no longer produced are removed: building again while an instance runs from dist/ (a second `npm start` in the
 * same folder) never shows it a half-written module.
 */
const { buildSync } = require('esbuild');
const { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const source = path.join(root, 'src');
const output = path.join(root, 'dist');

/** @param {string} folder */
function filesUnder(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** @param {string} file @param {Uint8Array} contents */
function writeIfChanged(file, contents) {
  if (existsSync(file) && Buffer.compare(readFileSync(file), contents) === 0) return false;
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
  return true;
}

/** @returns {{ written: number; kept: number; removed: number }} */
function build() {
  const sources = filesUnder(source);
  const compiled = buildSync({
    entryPoints: sources.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts')),
    outdir: output,
    outbase: source,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'warning',
  });
  const produced = new Map(compiled.outputFiles.map((file) => [file.path, file.contents]));
  for (const file of sources.filter((name) => !name.endsWith('.ts'))) {
    produced.set(path.join(output, path.relative(source, file)), readFileSync(file));
  }
  let written = 0;
  for (const [file, contents] of produced) if (writeIfChanged(file, contents)) written++;
  let removed = 0;
  if (existsSync(output)) {
    // Another build's temporary files (a second start in this folder) are its own to rename.
    for (const file of filesUnder(output).filter((name) => !name.endsWith('.tmp'))) {
      if (!produced.has(file)) {
        rmSync(file, { force: true });
        removed++;
      }
    }
  }
  return { written, kept: produced.size - written, removed };
}

module.exports = { build, output };

if (require.main === module) {
  const { written, kept, removed } = build();
  console.log(`dist/: ${written} written, ${kept} unchanged, ${removed} removed`);
}
