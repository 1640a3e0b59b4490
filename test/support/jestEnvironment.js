// @ts-check
/**
 * jest's node environment, with what every test file's PGlite would otherwise read again kept once per worker:
 * PGlite's WebAssembly bytes, its share folder bundle (test/support/database.ts passes them to each new instance) and
 * the migrated cluster's dump. They live outside the test files' contexts, so they outlast each file; every file still
 * gets a PGlite of its own.
 */
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { TestEnvironment } = require('jest-environment-node');

/** @type {{ wasm: Buffer; fsBundle: Blob; kept: Promise<WebAssembly.Module> } | undefined} */
let pglite;
/** @type {Map<string, Blob>} */
const dumps = new Map();

/**
 * PGlite's module, compiled in the test file's own context (emscripten checks `instanceof WebAssembly.Module`
 * there: a module made in this outer context is refused). The module kept here holds V8's compiled code for these
 * bytes alive, which V8 may reuse for the next compiles of the same bytes (measured: each file's compile ~40 ms).
 * @param {string} rootDir
 * @param {typeof WebAssembly} contextWebAssembly
 */
async function loadPgliteAssets(rootDir, contextWebAssembly) {
  if (!pglite) {
    const dist = path.join(rootDir, 'node_modules', '@electric-sql', 'pglite', 'dist');
    const wasm = readFileSync(path.join(dist, 'pglite.wasm'));
    pglite = { wasm, fsBundle: new Blob([readFileSync(path.join(dist, 'pglite.data'))]), kept: WebAssembly.compile(wasm) };
  }
  await pglite.kept;
  return { pgliteWasmModule: await contextWebAssembly.compile(pglite.wasm), fsBundle: pglite.fsBundle };
}

class PstageEnvironment extends TestEnvironment {
  /** @param {ConstructorParameters<typeof TestEnvironment>} args */
  constructor(...args) {
    super(...args);
    const rootDir = args[0].projectConfig.rootDir;
    this.global.__pstageTestAssets = {
      pglite: () => loadPgliteAssets(rootDir, this.global.WebAssembly),
      /** @param {string} file a dump written by test/support/database.ts (named after its content) */
      dump: (file) => {
        let blob = dumps.get(file);
        if (!blob) {
          blob = new Blob([readFileSync(file)]);
          dumps.set(file, blob);
        }
        return blob;
      },
    };
  }
}

module.exports = PstageEnvironment;
