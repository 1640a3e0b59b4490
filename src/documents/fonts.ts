import { readFileSync } from 'node:fs';

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

let loaded: Map<string, Buffer> | undefined;

/** The embedded font renders every character (≤, →, œ, ễ); PDF built-in fonts only cover WinAnsi. */
function fontBuffers(): Map<string, Buffer> {
  if (!loaded) {
    loaded = new Map(Object.entries(files).map(([name, file]) => [name, readFileSync(require.resolve(file))]));
  }
  return loaded;
}

export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, data] of fontBuffers()) doc.registerFont(name, data);
  doc.font(fonts.regular);
}
