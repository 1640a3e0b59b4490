import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';

export const fonts = {
  regular: 'DejaVuSans',
  bold: 'DejaVuSans-Bold',
  italic: 'DejaVuSans-Oblique',
} as const;

const files: Record<string, string> = {
  [fonts.regular]: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  [fonts.bold]: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  [fonts.italic]: 'dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf',
};

let loaded: Map<string, Font> | undefined;

/**
 * The embedded font renders every character (≤, →, œ, ễ); PDF built-in fonts only cover WinAnsi. Each font is read
 * and parsed once per process, not per document: fontkit keeps its tables and glyphs once decoded. Each document
 * still embeds its own subset (pdfkit makes one per document from the shared font).
 */
export function preparedFonts(): Map<string, Font> {
  if (!loaded) {
    loaded = new Map(Object.entries(files).map(([name, file]) => [name, create(readFileSync(require.resolve(file)))]));
  }
  return loaded;
}

/** Words shaped and kept across documents, at most (names and addresses vary; the articles' words repeat). */
export const shapedWordsLimit = 50_000;

type ShapedWords = Record<string, unknown>;
const shapedWords = new Map<string, ShapedWords>();
let documentsSinceCount = 0;

/**
 * What each font shaped (a word's glyphs and positions, OpenType substitutions and kerning applied), kept across
 * documents: pdfkit keeps it per document only, and shaping the same articles' words again was most of a convention's
 * rendering. pdfkit never changes a shaped word once kept (a line's spacing is added to a copy). Counted every
 * hundred documents, emptied beyond `shapedWordsLimit`.
 */
function shapedWordsOf(name: string): ShapedWords {
  let words = shapedWords.get(name);
  if (!words) shapedWords.set(name, (words = Object.create(null) as ShapedWords));
  return words;
}

export function registerFonts(doc: PDFKit.PDFDocument): void {
  if (++documentsSinceCount >= 100) {
    documentsSinceCount = 0;
    for (const [name, words] of shapedWords) if (Object.keys(words).length > shapedWordsLimit) shapedWords.delete(name);
  }
  for (const [name, font] of preparedFonts()) doc.registerFont(name, font as unknown as PDFKit.Mixins.PDFFontSource);
  // pdfkit makes a document's font when it is first selected (and embeds only those selected): its per-document
  // cache of shaped words is then replaced by the process's (pdfkit 0.20's EmbeddedFont.layoutCache).
  const select = doc.font.bind(doc);
  const shared = new Set<object>();
  doc.font = ((...args: Parameters<typeof doc.font>) => {
    select(...args);
    const embedded = (doc as unknown as { _font?: { name?: string; layoutCache?: ShapedWords } })._font;
    if (embedded?.layoutCache && !shared.has(embedded)) {
      shared.add(embedded);
      embedded.layoutCache = shapedWordsOf(typeof args[0] === 'string' ? args[0] : String(embedded.name));
    }
    return doc;
  }) as typeof doc.font;
  doc.font(fonts.regular);
}

/** How many words the process keeps shaped, for each font (for tests). */
export function shapedWordCount(): number {
  let count = 0;
  for (const words of shapedWords.values()) count += Object.keys(words).length;
  return count;
}

/** Forgets every shaped word, as in a fresh process (for tests). */
export function forgetShapedWords(): void {
  shapedWords.clear();
}
