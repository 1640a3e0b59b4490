import { fonts } from './fonts';
import { pageMargins } from './layout';

const bodySize = 9.5;
const labelWidth = 165;

export function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - pageMargins.left - pageMargins.right;
}

function bottomLimit(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page when less than `height` points remain, so a block is not split. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
  doc.x = pageMargins.left;
}

export function documentTitle(doc: PDFKit.PDFDocument, title: string, subtitle?: string): void {
  doc
    .font(fonts.bold)
    .fontSize(15)
    .text(title, pageMargins.left, doc.y, { width: contentWidth(doc), align: 'center' });
  if (subtitle) {
    doc
      .moveDown(0.2)
      .font(fonts.regular)
      .fontSize(10)
      .text(subtitle, { width: contentWidth(doc), align: 'center' });
  }
  doc.moveDown(0.8).fontSize(bodySize);
}

export function sectionHeading(doc: PDFKit.PDFDocument, text: string): void {
  // Keep a heading with at least three lines of what follows.
  ensureSpace(doc, 60);
  doc.moveDown(0.6);
  doc
    .font(fonts.bold)
    .fontSize(11)
    .text(text, pageMargins.left, doc.y, { width: contentWidth(doc) });
  const y = doc.y + 1;
  doc
    .moveTo(pageMargins.left, y)
    .lineTo(pageMargins.left + contentWidth(doc), y)
    .lineWidth(0.4)
    .strokeColor('#bbbbbb')
    .stroke();
  doc.moveDown(0.35).font(fonts.regular).fontSize(bodySize);
}

export function subHeading(doc: PDFKit.PDFDocument, text: string): void {
  ensureSpace(doc, 40);
  doc.moveDown(0.3);
  doc
    .font(fonts.bold)
    .fontSize(bodySize + 0.5)
    .text(text, pageMargins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.15).font(fonts.regular).fontSize(bodySize);
}

export interface ParagraphOptions {
  italic?: boolean;
  bold?: boolean;
  align?: 'left' | 'justify' | 'center';
}

export function paragraph(doc: PDFKit.PDFDocument, text: string, options: ParagraphOptions = {}): void {
  const font = options.bold ? fonts.bold : options.italic ? fonts.italic : fonts.regular;
  ensureSpace(doc, 14);
  doc
    .font(font)
    .fontSize(bodySize)
    .text(text, pageMargins.left, doc.y, { width: contentWidth(doc), align: options.align ?? 'justify' });
  doc.moveDown(0.3).font(fonts.regular);
}

/** Label in bold and its value; a value too long for the page flows under its label instead of beside it. */
export function field(doc: PDFKit.PDFDocument, label: string, value: string): void {
  const valueWidth = contentWidth(doc) - labelWidth;
  doc.font(fonts.regular).fontSize(bodySize);
  const valueHeight = doc.heightOfString(value || ' ', { width: valueWidth });
  doc.font(fonts.bold);
  const labelHeight = doc.heightOfString(label, { width: labelWidth - 8 });
  const rowHeight = Math.max(valueHeight, labelHeight);
  const pageHeight = doc.page.height - pageMargins.top - pageMargins.bottom;
  if (rowHeight > pageHeight / 3) {
    ensureSpace(doc, 40);
    doc.text(label, pageMargins.left, doc.y, { width: contentWidth(doc) });
    doc.font(fonts.regular).text(value, pageMargins.left, doc.y, { width: contentWidth(doc), align: 'justify' });
    doc.moveDown(0.3);
    return;
  }
  ensureSpace(doc, rowHeight + 3);
  const top = doc.y;
  doc.text(label, pageMargins.left, top, { width: labelWidth - 8 });
  doc.font(fonts.regular).text(value, pageMargins.left + labelWidth, top, { width: valueWidth });
  doc.x = pageMargins.left;
  doc.y = top + rowHeight + 3;
}

export function fields(doc: PDFKit.PDFDocument, rows: Array<[string, string | undefined]>): void {
  for (const [label, value] of rows) {
    if (value !== undefined && value !== '') field(doc, label, value);
  }
}
