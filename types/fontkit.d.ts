/** The part of fontkit 2 that Pstage uses: a font parsed once, handed to pdfkit's registerFont for every document. */
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    layout(text: string, features?: unknown): unknown;
  }
  export function create(buffer: Buffer | Uint8Array, postscriptName?: string): Font;
}
