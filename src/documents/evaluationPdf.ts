import { documentTitle, fields, paragraph, sectionHeading } from './blocks';
import { createPdfDocument, renderToBuffer } from './layout';
import type { DocumentLanguage } from './types';

/** A submitted questionnaire as printed: every question with its answer, already in words. */
export interface EvaluationPdfData {
  title: string;
  reference: string;
  intro: string;
  sections: { title: string; rows: [string, string][] }[];
  footer: string;
}

export function renderEvaluationPdf(data: EvaluationPdfData, language: DocumentLanguage): Promise<Buffer> {
  const doc = createPdfDocument({ title: `${data.title} — ${data.reference}`, language });
  const build = () => {
    documentTitle(doc, data.title, data.reference);
    paragraph(doc, data.intro);
    for (const section of data.sections) {
      sectionHeading(doc, section.title);
      fields(doc, section.rows);
    }
    paragraph(doc, data.footer, { italic: true });
  };
  return renderToBuffer(doc, build, {
    title: data.title,
    reference: data.reference,
    footerNote: data.footer,
    pageLabel: (n, total) => `${n} / ${total}`,
  });
}
