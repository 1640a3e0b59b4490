import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow beyond what its last full collection kept before it collects again: 50 %
 * here, instead of V8's own factor, which goes up to 4× on a machine with memory to spare. Pstage keeps about 65 MiB
 * alive; left to itself V8 let the garbage of a loaded server pile up to 260–330 MiB of resident memory (peaks of
 * 330–420 MiB) at 100 000 conventions, and 210–225 MiB with this, the CPU time per request unchanged within the
 * runs' noise (`npm run bench -- --only office`, bench/office-figures.md). Not a cap: the heap still grows as far as
 * what is alive needs, where `--max-old-space-size` would end the process. Loaded first by src/server.ts, before the
 * rest allocates anything; a `--heap-growing-percent` given on node's command line wins.
 */
const heapGrowingPercent = 50;

if (!process.execArgv.some((flag) => /^--heap[-_]growing[-_]percent/.test(flag)))
  setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
