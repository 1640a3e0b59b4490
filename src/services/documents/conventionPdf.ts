import { isPrintableAsFinal } from '../../domain/conventionStatus';
import { sha256 } from '../../documents/hash';
import { AppError } from '../../errors';
import type { Convention } from '../../models/conventionRepository';
import type { Database, Transaction } from '../../models/database';
import { documentRepository } from '../../models/documentRepository';
import { generatedDocumentRepository } from '../../models/generatedDocumentRepository';
import { conventionDocumentData, documentLanguageOf, partiesOf, type Institution } from './conventionDocumentData';
import { conventionForViewer, type ConventionViewer } from './documentAccess';
import { cachedPdf } from './pdfCache';
import type { PdfRenderer } from './pdfRenderer';

export interface ServedPdf {
  bytes: Buffer;
  filename: string;
  sha256: string;
  /** false: a preview marked as a non-valid draft on every page. */
  final: boolean;
}

/**
 * The convention as a PDF. Before validation: a preview from the live records, marked as a draft, rendered
 * again only when those records (or the template) changed since its last rendering. From validation on: the final document, rendered once from the frozen snapshot and stored with its
 * SHA-256; every later download serves those same bytes, whatever happens to the records since.
 */
export async function conventionPdfFor(
  db: Database,
  institution: Institution,
  viewer: ConventionViewer,
  conventionId: number,
  renderer: PdfRenderer,
): Promise<ServedPdf> {
  const convention = await conventionForViewer(db, viewer, conventionId);
  if (convention.state === 'cancelled') throw new AppError(404, 'documents.errors.cancelled');
  const filename = `convention-${convention.reference ?? convention.id}`;
  if (!isPrintableAsFinal(convention.state)) {
    const language = await documentLanguageOf(db, convention);
    const data = await conventionDocumentData(db, convention, await partiesOf(db, convention, 'live'), {
      institution,
      language,
      final: false,
    });
    const bytes = await cachedPdf(db, renderer, `convention-draft:${convention.id}`, 'convention', [data, { draft: true }]);
    return { bytes, filename: `${filename}-${language === 'en' ? 'draft' : 'brouillon'}.pdf`, sha256: sha256(bytes), final: false };
  }
  const stored = await db.transaction((tx) => storedFinalPdf(tx, convention, institution, `${filename}.pdf`, renderer));
  return { bytes: stored.bytes!, filename: stored.filename, sha256: stored.sha256, final: true };
}

/** The validated convention's PDF, rendered once and stored; every later reading gets the same bytes. */
export async function storedFinalPdf(
  tx: Transaction,
  convention: Convention,
  institution: Institution,
  filename: string,
  renderer: PdfRenderer,
) {
  await generatedDocumentRepository.lockConvention(tx, convention.id);
  const existing = await generatedDocumentRepository.findForConvention(tx, convention.id, 'convention_pdf');
  if (existing?.bytes) return existing;
  const language = await documentLanguageOf(tx, convention);
  const data = await conventionDocumentData(tx, convention, await partiesOf(tx, convention, 'frozen'), {
    institution,
    language,
    final: true,
  });
  const bytes = await renderer.render('convention', [data, { draft: false }]);
  await documentRepository.create(tx, {
    conventionId: convention.id,
    kind: 'convention_pdf',
    filename,
    contentType: 'application/pdf',
    size: bytes.length,
    bytes,
    sha256: sha256(bytes),
    academicYear: convention.academicYear,
  });
  return { bytes, filename, sha256: sha256(bytes) };
}
