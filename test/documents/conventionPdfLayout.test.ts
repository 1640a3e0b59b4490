import { renderConventionPdf } from '../../src/documents/conventionPdf';
import { sampleConvention } from './conventionFixture';
import { pdfPages, prose } from './pdfText';

function words(count: number): string {
  const vocabulary = [
    'analyser',
    'les',
    'échantillons',
    'de',
    'moût',
    'et',
    'consigner',
    'résultats',
    'œnologiques',
    'dans',
    'registre',
    'qualité',
  ];
  return Array.from({ length: count }, (_, index) => vocabulary[index % vocabulary.length]).join(' ');
}

describe('convention PDF layout with long texts', () => {
  it('flows a 6000-word activities text over extra pages, keeping its last word and every page decoration', async () => {
    const short = await pdfPages(await renderConventionPdf(sampleConvention(), { draft: true }));
    const data = sampleConvention();
    data.internship = { ...data.internship, activities: `${words(6000)} dernièreactivité` };
    data.hostInternalRules = `${words(800)} finrèglement`;
    const pdf = await renderConventionPdf(data, { draft: true });
    const pages = await pdfPages(pdf);

    expect(pages.length).toBeGreaterThan(short.length + 5);
    const text = prose(await pdfPages(pdf, '-raw'));
    expect(text).toContain('dernièreactivité');
    expect(text).toContain('finrèglement');
    expect(text).toContain('Compétences à acquérir ou à développer');
    expect(text).toContain('Fait en trois exemplaires originaux');
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} / ${pages.length}`);
      expect(page).toContain('CONV-2026-000042');
      expect(page).toContain('BROUILLON — document non valable');
    });
  });

  it('keeps the header, body and footer apart on every page', async () => {
    const data = sampleConvention();
    data.internship = { ...data.internship, activities: words(3000) };
    const pages = await pdfPages(await renderConventionPdf(data, { draft: true }));
    for (const page of pages) {
      const lines = page.split('\n').filter((line) => line.trim() !== '');
      expect(lines[0]).toMatch(/^Convention de stage — .+CONV-2026-000042$/);
      expect(lines[1].trim()).toBe('BROUILLON — document non valable : ce document ne doit pas être signé');
      expect(lines[lines.length - 1]).toMatch(/^CONV-2026-000042 · Articles types version fr-2026\.2 +Page \d+ \/ \d+$/);
    }
  });

  it('renders English headings, labels and en-GB formats', async () => {
    const data = sampleConvention({ language: 'en' });
    const pdf = await renderConventionPdf(data, { draft: true });
    const pages = await pdfPages(pdf);
    const text = prose(await pdfPages(pdf, '-raw'));
    for (const phrase of [
      'Internship agreement',
      'Between the undersigned',
      'Article 4 — Welcome and supervision of the intern',
      'Article 5 — Gratification',
      'Article 10 — Absences and leave',
      'Article 11 — Suspension and termination',
      'Article 12 — Validation of an interrupted internship',
      'Skills to acquire or develop',
      'Activities entrusted',
      'from 01/03/2027 to 30/06/2027',
      'gratification of €4.50 per hour of presence',
      'Signed in three originals',
      'Standard articles version en-2026.2',
    ]) {
      expect(text).toContain(phrase);
    }
    pages.forEach((page, index) => {
      expect(page).toContain('DRAFT — not valid');
      expect(page).toContain(`Page ${index + 1} / ${pages.length}`);
    });
    expect(text).not.toContain('Article 5 — Gratification et');
    expect(text).not.toContain('BROUILLON');
  });
});
