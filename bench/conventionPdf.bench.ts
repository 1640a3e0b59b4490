import { renderConventionPdf } from '../src/documents/conventionPdf';
import { sampleConvention } from '../test/documents/conventionFixture';

const count = 100;

export default async function conventionPdfBench(): Promise<{ name: string; figures: Record<string, number | string> }> {
  // One warm-up render loads the fonts and JIT-compiles the layout code.
  await renderConventionPdf(sampleConvention(), { draft: false });
  let bytes = 0;
  const started = process.hrtime.bigint();
  for (let index = 0; index < count; index++) {
    const pdf = await renderConventionPdf(sampleConvention({ reference: `CONV-2026-${String(index).padStart(6, '0')}` }), {
      draft: index % 2 === 0,
    });
    bytes += pdf.length;
  }
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    name: `${count} convention PDFs (half drafts)`,
    figures: {
      'total ms': Math.round(totalMs),
      'ms per PDF': Number((totalMs / count).toFixed(1)),
      'average bytes': Math.round(bytes / count),
    },
  };
}
