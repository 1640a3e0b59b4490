import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import signpdf from '@signpdf/signpdf';
import { PDFDocument } from 'pdf-lib';

/**
 * The signed convention: the validated PDF's pages unchanged, the signature trail's pages after them, and a
 * PAdES signature of the institution over the whole file.
 */
export async function sealPdf(options: {
  validatedPdf: Buffer;
  trailPdf: Buffer;
  p12: Buffer;
  password: string;
  institutionName: string;
  location: string;
  at: Date;
}): Promise<Buffer> {
  const document = await PDFDocument.load(options.validatedPdf);
  const trail = await PDFDocument.load(options.trailPdf);
  const pages = await document.copyPages(trail, trail.getPageIndices());
  for (const page of pages) document.addPage(page);
  pdflibAddPlaceholder({
    pdfDoc: document,
    reason: 'Convention de stage signée par toutes les parties',
    contactInfo: '',
    name: options.institutionName,
    location: options.location,
    signingTime: options.at,
    signatureLength: 16384,
    appName: 'Pstage',
  });
  const unsigned = Buffer.from(await document.save({ useObjectStreams: false }));
  return signpdf.sign(unsigned, new P12Signer(options.p12, { passphrase: options.password }), options.at);
}
