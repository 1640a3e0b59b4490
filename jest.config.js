const os = require('node:os');

/** Jest runs TypeScript through swc: ts-jest does not work with TypeScript 7 (STACK.md). */
module.exports = {
  // Tests also wait on sockets, child processes and chromium: two workers even on a two-core machine (jest's default
  // there is one). At most four: each worker holds a PGlite and, in browser tests, a chromium. The whole suite is
  // about 23 CPU-minutes on PGlite and 16 on PostgreSQL (December 2026): mostly the app's own work, see #10's notes.
  maxWorkers: Math.min(4, Math.max(2, os.availableParallelism() - 1)),
  // A worker keeps some of what each test file leaves behind: 3–4.3 GB resident per worker by the end of the suite,
  // enough for three suites at once to exhaust 24 GB and make every test time out. Past 1 GB of heap a worker is
  // replaced after its file (jest's own remedy; the new one reads its caches again from disk, a few seconds): workers
  // then peak at 1.6–1.8 GB resident.
  workerIdleMemoryLimit: '1GB',
  // jest's node environment and runtime, with what every test file would otherwise make again kept once per worker
  // (PGlite's compiled module, V8's compiled code): test/support/jestEnvironment.js, jestRuntime.js.
  testEnvironment: '<rootDir>/test/support/jestEnvironment.js',
  runtime: '<rootDir>/test/support/jestRuntime.js',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(ts|js)$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
  },
  // jose 6 ships only ES modules: swc turns it into CommonJS for jest.
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  // A test on a loaded two-core machine (a cold first PDF, a wizard through PGlite) can take over 30 s.
  testTimeout: 60000,
  // The LTI tool's RSA key pairs are made once, not at every platform registration (test/support/toolKeyPool.ts).
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
};
