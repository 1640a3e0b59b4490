import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

type BenchResult = { name: string; figures: Record<string, number | string> };
type Bench = () => Promise<BenchResult>;

async function loadBench(file: string): Promise<Bench> {
  const loaded = (await import(pathToFileURL(file).href)) as { default?: Bench | { default?: Bench } };
  const bench = typeof loaded.default === 'function' ? loaded.default : loaded.default?.default;
  if (typeof bench !== 'function') throw new Error(`${file} has no default export function`);
  return bench;
}

function printTable(rows: Array<{ file: string; result: BenchResult }>): void {
  const lines = rows.flatMap(({ file, result }) =>
    Object.entries(result.figures).map(([figure, value]) => [file, result.name, figure, String(value)]),
  );
  const header = ['file', 'benchmark', 'figure', 'value'];
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells: string[]) =>
    cells.map((cell, column) => (column === 3 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join(' | ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  for (const line of lines) console.log(format(line));
}

/**
 * `npm run bench -- [--only office] [--conventions 10000,100000] [--seconds 5]`: every *.bench.ts (or those whose
 * name contains --only); the sizes and the duration of each load are read by office.bench.ts from the environment.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string' }, conventions: { type: 'string' }, seconds: { type: 'string' } } });
  if (values.conventions) process.env.BENCH_CONVENTIONS = values.conventions;
  if (values.seconds) process.env.BENCH_SECONDS = values.seconds;
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith('.bench.ts') && (!values.only || name.includes(values.only)))
    .sort();
  const rows: Array<{ file: string; result: BenchResult }> = [];
  for (const file of files) {
    rows.push({ file, result: await (await loadBench(join(__dirname, file)))() });
  }
  printTable(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
