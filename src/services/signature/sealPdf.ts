// pdf-lib and @signpdf are loaded at the first seal, not with the app: most processes (and test files) never seal.

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
  const [{ PDFDocument }, { pdflibAddPlaceholder }, { P12Signer }, { SignPdf }] = await Promise.all([
    import('pdf-lib'),
    import('@signpdf/placeholder-pdf-lib'),
    import('@signpdf/signer-p12'),
    import('@signpdf/signpdf'),
  ]);
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
  return new SignPdf().sign(unsigned, new P12Signer(options.p12, { passphrase: options.password }), options.at);
}
