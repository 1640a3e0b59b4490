// @ts-check
/**
 * jest's runtime, with V8's code cache: every test file runs in a new context where jest compiles each module
 * again (express, ltijs, drizzle, pdfkit… about a second of CPU a file). The cached data V8 produces for a source
 * is kept on disk, keyed by the source and Node's version, and handed back to `vm.compileFunction`, which then
 * skips parsing. A rejected cache (another V8) is only slower, never wrong: V8 checks it and compiles as usual.
 * The folder grows by one file per changed source; the temp folder's own cleaning bounds it.
 */
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const Runtime = require('jest-runtime').default;

const cacheFolder = path.join(os.tmpdir(), `pstage-jest-v8-${process.version}-${process.arch}`);
mkdirSync(cacheFolder, { recursive: true });
/** Within one worker the cache is also kept in memory, for the next test files. */
const inMemory = new Map();

function cachedDataFor(key) {
  if (inMemory.has(key)) return inMemory.get(key);
  try {
    const data = readFileSync(path.join(cacheFolder, key));
    inMemory.set(key, data);
    return data;
  } catch {
    return undefined;
  }
}

function store(key, data) {
  inMemory.set(key, data);
  const file = path.join(cacheFolder, key);
  // Written then renamed, so a parallel worker never reads half a file.
  const partial = `${file}.${process.pid}.partial`;
  try {
    writeFileSync(partial, data);
    renameSync(partial, file);
  } catch {
    // A full or read-only temp folder only costs the cache.
  }
}

/**
 * jest-runtime 30 compiles modules in its ModuleExecutor (`runtime.executor.compile`); this wraps that method.
 * @param {any} executor
 */
function cacheCompilations(executor) {
  const compile = executor.compile.bind(executor);
  /** @param {string} scriptSource @param {string} filename */
  executor.compile = (scriptSource, filename) => {
    const vmContext = executor.environment.getVmContext();
    // A function compiled from cached data loses its `import()` callback on Node 20 (ERR_VM_DYNAMIC_IMPORT_CALLBACK_
    // MISSING): sources that import dynamically (PGlite's extensions; swc turns ours into `require`) compile as usual.
    if (vmContext == null || executor.resolution.isCoreModule(filename) || scriptSource.includes('import(')) {
      return compile(scriptSource, filename);
    }
    const key = createHash('sha1').update(filename).update('\0').update(scriptSource).digest('hex');
    const cachedData = cachedDataFor(key);
    let compiled;
    try {
      compiled = vm.compileFunction(scriptSource, executor.injectedModuleParameters, {
        filename,
        cachedData,
        produceCachedData: cachedData === undefined,
        // @ts-expect-error the fourth argument (the import phase) is missing from @types/node's callback type
        importModuleDynamically: (specifier, _function, importAttributes, ...rest) =>
          executor.dynamicImport(specifier, filename, vmContext, importAttributes, rest[0]),
        parsingContext: vmContext,
      });
    } catch {
      // jest's own compile reports syntax errors its way (an ES module, a transform's mistake).
      return compile(scriptSource, filename);
    }
    const result = /** @type {{ cachedDataProduced?: boolean; cachedData?: Buffer; cachedDataRejected?: boolean }} */ (
      /** @type {unknown} */ (compiled)
    );
    if (result.cachedDataProduced && result.cachedData) store(key, result.cachedData);
    else if (result.cachedDataRejected) inMemory.delete(key);
    return compiled;
  };
}

class CodeCachingRuntime extends Runtime {
  /** @param {ConstructorParameters<typeof Runtime>} args */
  constructor(...args) {
    super(...args);
    cacheCompilations(/** @type {any} */ (this).executor);
  }
}

module.exports = CodeCachingRuntime;
