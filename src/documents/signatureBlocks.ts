import { contentWidth, ensureSpace } from './blocks';
import { fonts } from './fonts';
import { pageMargins } from './layout';

export interface SignatureBlock {
  role: string;
  name: string;
  detail?: string;
  stamp?: boolean;
}

export interface SignatureLabels {
  /** "Fait à …, le …". */
  placeAndDate: string;
  signature: string;
  stamp: string;
}

const gap = 14;
const padding = 8;
/** Room under the "Signature" label for a handwritten signature. */
const signatureRoom = 58;

/** Boxes two by two, each with room for a date and a handwritten signature; a row is never split across pages. */
export function signatureGrid(doc: PDFKit.PDFDocument, blocks: SignatureBlock[], labels: SignatureLabels): void {
  const boxWidth = (contentWidth(doc) - gap) / 2;
  for (let index = 0; index < blocks.length; index += 2) {
    const row = blocks.slice(index, index + 2);
    const height = Math.max(...row.map((block) => boxHeight(doc, block, boxWidth - 2 * padding)));
    ensureSpace(doc, height + gap);
    const top = doc.y;
    row.forEach((block, column) => drawBox(doc, block, labels, pageMargins.left + column * (boxWidth + gap), top, boxWidth, height));
    doc.x = pageMargins.left;
    doc.y = top + height + gap;
  }
}

export function signatureRowHeight(doc: PDFKit.PDFDocument, blocks: SignatureBlock[]): number {
  const inner = (contentWidth(doc) - gap) / 2 - 2 * padding;
  return Math.max(...blocks.slice(0, 2).map((block) => boxHeight(doc, block, inner))) + gap;
}

function textBlocks(block: SignatureBlock): Array<{ font: string; size: number; text: string }> {
  return [
    { font: fonts.bold, size: 8.5, text: block.role },
    { font: fonts.regular, size: 8.5, text: block.name },
    ...(block.detail ? [{ font: fonts.italic, size: 7.5, text: block.detail }] : []),
  ];
}

function boxHeight(doc: PDFKit.PDFDocument, block: SignatureBlock, inner: number): number {
  const text = textBlocks(block).reduce(
    (sum, part) => sum + doc.font(part.font).fontSize(part.size).heightOfString(part.text, { width: inner }) + 2,
    0,
  );
  return padding + text + 8 + 14 + 12 + signatureRoom;
}

function drawBox(
  doc: PDFKit.PDFDocument,
  block: SignatureBlock,
  labels: SignatureLabels,
  x: number,
  y: number,
  width: number,
  height: number,
): void {
  const inner = width - 2 * padding;
  doc.rect(x, y, width, height).lineWidth(0.6).strokeColor('#888888').stroke();
  let cursor = y + padding;
  for (const part of textBlocks(block)) {
    doc
      .font(part.font)
      .fontSize(part.size)
      .text(part.text, x + padding, cursor, { width: inner });
    cursor = doc.y + 2;
  }
  // Date and signature lines sit at the same height in every box of a row.
  cursor = y + height - signatureRoom - 26;
  doc
    .font(fonts.regular)
    .fontSize(8.5)
    .text(labels.placeAndDate, x + padding, cursor, { width: inner, lineBreak: false });
  cursor += 14;
  doc.text(labels.signature, x + padding, cursor, { width: inner / 2, lineBreak: false });
  if (block.stamp) doc.text(labels.stamp, x + padding + inner / 2, cursor, { width: inner / 2, lineBreak: false });
  doc.fontSize(9.5);
}
