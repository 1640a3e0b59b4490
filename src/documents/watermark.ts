import { fonts } from './fonts';

/** The parts of fontkit (pdfkit's font engine) used to turn text into outlines. */
interface OutlinePath {
  transform(a: number, b: number, c: number, d: number, e: number, f: number): OutlinePath;
  toSVG(): string;
}
interface OutlineFont {
  unitsPerEm: number;
  layout(text: string): { glyphs: Array<{ path: OutlinePath }>; positions: Array<{ xAdvance: number }> };
}

const draftColor = '#c0392b';

/**
 * Draws `text` across the page diagonal as filled outlines rather than text, so the watermark
 * shows on screen and on paper without scrambling the text layer (copy, search, screen readers);
 * the same words are printed as text in the page header.
 */
export function drawWatermark(doc: PDFKit.PDFDocument, text: string): void {
  doc.font(fonts.bold);
  const font = (doc as unknown as { _font: { font: OutlineFont } })._font.font;
  const run = font.layout(text);
  const advance = run.positions.reduce((sum, position) => sum + position.xAdvance, 0);
  const { width, height } = doc.page;
  const diagonal = Math.hypot(width, height);
  const scale = Math.min(54 / font.unitsPerEm, (diagonal * 0.75) / advance);
  let pen = 0;
  const outline = run.glyphs
    .map((glyph, index) => {
      // Font units are y-up; flip them into PDF user space around the baseline.
      const path = glyph.path.transform(1, 0, 0, -1, pen, 0).toSVG();
      pen += run.positions[index].xAdvance;
      return path;
    })
    .join(' ');
  const angle = (Math.atan2(height, width) * 180) / Math.PI;
  const capHeight = 0.73 * font.unitsPerEm * scale;
  doc.save();
  doc.translate(width / 2, height / 2);
  doc.rotate(-angle);
  doc.translate((-advance * scale) / 2, capHeight / 2);
  doc.scale(scale);
  doc.path(outline).fillColor(draftColor).fillOpacity(0.16).fill();
  doc.restore();
  doc.fillOpacity(1);
}
