import { renderConventionPdf } from '../src/documents/conventionPdf';
import { sampleConvention } from '../test/documents/conventionFixture';

const count = 100;

export default async function conventionPdfBench(): Promise<{ name: string; figures: Record<string, number | string> }> {
  // One warm-up render loads the fonts and JIT-compiles the layout code.
  await renderConventionPdf(sampleConvention(), { draft: false });
  let bytes = 0;
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const durations: number[] = [];
  for (let index = 0; index < count; index++) {
    const one = performance.now();
    const pdf = await renderConventionPdf(sampleConvention({ reference: `CONV-2026-${String(index).padStart(6, '0')}` }), {
      draft: index % 2 === 0,
    });
    durations.push(performance.now() - one);
    bytes += pdf.length;
  }
  durations.sort((a, b) => a - b);
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  return {
    name: `${count} convention PDFs (half drafts)`,
    figures: {
      'total ms': Math.round(totalMs),
      'ms per PDF': Number((totalMs / count).toFixed(1)),
      'p50 ms': Number(durations[Math.floor(count / 2)].toFixed(1)),
      'p99 ms': Number(durations[Math.floor(count * 0.99)].toFixed(1)),
      // CPU time of the process (user + system, the garbage collector's threads included): less noisy than the
      // wall clock on a loaded machine.
      'CPU ms per PDF': Number(((used.user + used.system) / 1000 / count).toFixed(1)),
      'average bytes': Math.round(bytes / count),
    },
  };
}
