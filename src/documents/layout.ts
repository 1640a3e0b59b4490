import PDFDocument from 'pdfkit';
import { fonts, registerFonts } from './fonts';
import { drawWatermark } from './watermark';
import type { DocumentLanguage } from './types';

/** Header and footer live inside these margins, so flowing text never reaches them. */
export const pageMargins = { top: 84, bottom: 72, left: 56, right: 56 };

const colors = { text: '#1a1a1a', muted: '#555555', rule: '#9a9a9a', draft: '#c0392b' };

export interface DocumentInfo {
  title: string;
  language: DocumentLanguage;
  subject?: string;
}

export function createPdfDocument(info: DocumentInfo): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margins: pageMargins,
    bufferPages: true,
    lang: info.language === 'fr' ? 'fr-FR' : 'en-GB',
    displayTitle: true,
    // pdfkit fails on an undefined info entry.
    info: { Title: info.title, Creator: 'Pstage', Producer: 'Pstage', ...(info.subject ? { Subject: info.subject } : {}) },
  });
  registerFonts(doc);
  doc.fillColor(colors.text).fontSize(9.5);
  return doc;
}

export interface PageDecoration {
  title: string;
  reference?: string;
  footerNote?: string;
  pageLabel: (pageNumber: number, pageCount: number) => string;
  draft?: { watermark: string; banner: string };
}

/** Draws header, footer and draft marks on every buffered page once the content is laid out. */
export function decoratePages(doc: PDFKit.PDFDocument, decoration: PageDecoration): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const savedMargins = { ...doc.page.margins };
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    drawHeader(doc, decoration);
    drawFooter(doc, decoration, index - range.start + 1, range.count);
    if (decoration.draft) drawWatermark(doc, decoration.draft.watermark);
    doc.page.margins = savedMargins;
  }
}

function drawHeader(doc: PDFKit.PDFDocument, decoration: PageDecoration): void {
  const left = pageMargins.left;
  const width = doc.page.width - pageMargins.left - pageMargins.right;
  doc.font(fonts.bold).fontSize(8).fillColor(colors.muted);
  doc.text(decoration.title, left, 28, { width: width * 0.65, lineBreak: false, ellipsis: true });
  if (decoration.reference) {
    doc.text(decoration.reference, left + width * 0.65, 28, { width: width * 0.35, align: 'right', lineBreak: false });
  }
  if (decoration.draft) {
    doc.font(fonts.bold).fontSize(8.5).fillColor(colors.draft);
    doc.text(decoration.draft.banner, left, 44, { width, align: 'center', lineBreak: false });
  }
  doc
    .moveTo(left, 62)
    .lineTo(left + width, 62)
    .lineWidth(0.5)
    .strokeColor(colors.rule)
    .stroke();
  doc.fillColor(colors.text);
}

function drawFooter(doc: PDFKit.PDFDocument, decoration: PageDecoration, pageNumber: number, pageCount: number): void {
  const left = pageMargins.left;
  const width = doc.page.width - pageMargins.left - pageMargins.right;
  const top = doc.page.height - 52;
  doc
    .moveTo(left, top - 6)
    .lineTo(left + width, top - 6)
    .lineWidth(0.5)
    .strokeColor(colors.rule)
    .stroke();
  doc.font(fonts.regular).fontSize(7.5).fillColor(colors.muted);
  const footerLeft = [decoration.reference, decoration.footerNote].filter(Boolean).join(' · ');
  doc.text(footerLeft, left, top, { width: width * 0.75, lineBreak: false, ellipsis: true });
  doc.text(decoration.pageLabel(pageNumber, pageCount), left + width * 0.75, top, {
    width: width * 0.25,
    align: 'right',
    lineBreak: false,
  });
  doc.fillColor(colors.text);
}

/** Runs `build` on the document, then `decorate`, and resolves with the finished PDF bytes. */
export function renderToBuffer(doc: PDFKit.PDFDocument, build: () => void, decoration: PageDecoration): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      build();
      decoratePages(doc, decoration);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}
