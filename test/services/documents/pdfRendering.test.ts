import { threadId } from 'node:worker_threads';
import { pdfContentHash } from '../../../src/services/documents/pdfCache';
import { workerPdfRenderer } from '../../../src/services/documents/pdfRenderer';
import { sampleConvention } from '../../documents/conventionFixture';
import { pdfPages } from '../../documents/pdfText';

describe('what decides whether a stored rendering still holds', () => {
  it('the same data in another field order hashes the same; any changed value, option or kind does not', () => {
    const data = sampleConvention();
    const reordered = Object.fromEntries(Object.entries(data).reverse()) as typeof data;
    const base = pdfContentHash('convention', [data, { draft: true }]);
    expect(pdfContentHash('convention', [reordered, { draft: true }])).toBe(base);
    expect(pdfContentHash('convention', [data, { draft: false }])).not.toBe(base);
    expect(pdfContentHash('convention', [sampleConvention({ reference: 'CONV-2026-999999' }), { draft: true }])).not.toBe(base);
    expect(pdfContentHash('ficheDeLiaison', [{}, 'fr'])).not.toBe(pdfContentHash('ficheDeLiaison', [{}, 'en']));
  });
});

describe('the render worker', () => {
  const renderer = workerPdfRenderer();
  afterAll(() => renderer.close());

  it('renders in another thread; a rendering that fails fails alone, and the next one works', async () => {
    const pdf = await renderer.render('convention', [sampleConvention(), { draft: true }]);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await pdfPages(pdf)).join('\n')).toContain('BROUILLON');
    expect(renderer.lastThreadId).not.toBe(threadId);
    await expect(renderer.render('convention', [null as never, { draft: true }])).rejects.toThrow(/^PDF rendering failed: /);
    const fiche = await renderer.render('ficheDeLiaison', [{}, 'en']);
    expect((await pdfPages(fiche)).join('\n')).toContain('Liaison form');
  });

  it('jobs asked at once are all answered, each with its own document', async () => {
    const references = ['CONV-2026-000101', 'CONV-2026-000102', 'CONV-2026-000103'];
    const pdfs = await Promise.all(
      references.map((reference) => renderer.render('convention', [sampleConvention({ reference }), { draft: false }])),
    );
    for (const [index, pdf] of pdfs.entries()) expect((await pdfPages(pdf))[0]).toContain(references[index]);
  });

  it('a closed renderer starts a new worker for the next PDF', async () => {
    await renderer.close();
    const pdf = await renderer.render('ficheDeLiaison', [{}, 'fr']);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
