import { renderConventionPdf } from '../../src/documents/conventionPdf';
import { forgetShapedWords, shapedWordCount } from '../../src/documents/fonts';
import { sampleConvention } from './conventionFixture';

/** A PDF without what differs between two renderings of the same data (its creation date and its file id). */
const stable = (pdf: Buffer) =>
  pdf
    .toString('latin1')
    .replace(/\(D:\d{14}Z\)/g, '')
    .replace(/\/ID \[[^\]]*\]/g, '');

describe('fonts prepared once per process', () => {
  it('keeps the words it shaped across documents: the same document again shapes none', async () => {
    await renderConventionPdf(sampleConvention(), { draft: false });
    const shaped = shapedWordCount();
    expect(shaped).toBeGreaterThan(100);
    await renderConventionPdf(sampleConvention(), { draft: false });
    expect(shapedWordCount()).toBe(shaped);
    // Another convention shapes only its own new words (its reference), not the articles again.
    await renderConventionPdf(sampleConvention({ reference: 'CONV-2026-000777' }), { draft: false });
    expect(shapedWordCount() - shaped).toBeGreaterThan(0);
    expect(shapedWordCount() - shaped).toBeLessThan(5);
  });

  it('renders a document after others byte for byte as it renders with nothing shaped yet', async () => {
    forgetShapedWords();
    const cold = await renderConventionPdf(sampleConvention(), { draft: false });
    await renderConventionPdf(sampleConvention({ language: 'en', reference: 'CONV-2026-000001' }), { draft: true });
    const warm = await renderConventionPdf(sampleConvention(), { draft: false });
    expect(stable(warm)).toBe(stable(cold));
  });
});
