import { contentWidth, ensureSpace } from './blocks';
import { fonts } from './fonts';
import { pageMargins } from './layout';

const labelWidth = 170;
const lineSpacing = 19;
const bodySize = 9.5;

/** A labelled answer: the known value, or `lines` empty ruled lines to fill by hand. */
export function answerRow(doc: PDFKit.PDFDocument, label: string, value: string | undefined, lines = 1): void {
  const valueWidth = contentWidth(doc) - labelWidth;
  const left = pageMargins.left;
  doc.font(fonts.bold).fontSize(bodySize);
  const labelHeight = doc.heightOfString(label, { width: labelWidth - 8 });
  if (value !== undefined && value !== '') {
    doc.font(fonts.regular);
    const valueHeight = doc.heightOfString(value, { width: valueWidth });
    ensureSpace(doc, Math.min(Math.max(labelHeight, valueHeight), 120) + 6);
    const top = doc.y;
    doc.font(fonts.bold).text(label, left, top, { width: labelWidth - 8 });
    const labelBottom = doc.y;
    doc.font(fonts.regular).text(value, left + labelWidth, top, { width: valueWidth });
    doc.x = left;
    doc.y = Math.max(doc.y, labelBottom) + 6;
    return;
  }
  const height = Math.max(labelHeight, lines * lineSpacing);
  ensureSpace(doc, height + 6);
  const top = doc.y;
  doc.font(fonts.bold).text(label, left, top, { width: labelWidth - 8 });
  doc.lineWidth(0.5).strokeColor('#8a8a8a').dash(1, { space: 2 });
  for (let line = 1; line <= lines; line++) {
    const y = top + line * lineSpacing - 6;
    doc
      .moveTo(left + labelWidth, y)
      .lineTo(left + contentWidth(doc), y)
      .stroke();
  }
  doc.undash();
  doc.x = left;
  doc.y = top + height + 6;
}

/** Tick boxes for a closed choice; the prefilled option is ticked. */
export interface ChoiceOption {
  value: string;
  label: string;
}

export function choiceRow(doc: PDFKit.PDFDocument, label: string, options: ChoiceOption[], selected?: string): void {
  const boxes = options.map((option) => `${option.value === selected ? '☒' : '☐'}\u00a0${option.label}`).join('   ');
  answerRow(doc, label, boxes);
}
