import { sha256 } from '../../documents/hash';
import { AppError } from '../../errors';
import type { Database } from '../../models/database';
import { conventionDocumentData, documentLanguageOf, partiesOf, type Institution } from './conventionDocumentData';
import type { ServedPdf } from './conventionPdf';
import { conventionForViewer, type DocumentViewer } from './documentAccess';
import { cachedPdf } from './pdfCache';
import type { PdfRenderer } from './pdfRenderer';

/**
 * The attestation de stage (D124-9) the host fills and signs at the end: only for a complete convention,
 * from the parties frozen at validation. The total gratification paid is left for the host to write.
 */
export async function attestationPdfFor(
  db: Database,
  institution: Institution,
  viewer: DocumentViewer,
  conventionId: number,
  renderer: PdfRenderer,
): Promise<ServedPdf> {
  const convention = await conventionForViewer(db, viewer, conventionId);
  if (convention.state !== 'complete') throw new AppError(409, 'documents.errors.attestationNotYet');
  const language = await documentLanguageOf(db, convention);
  const data = await conventionDocumentData(db, convention, await partiesOf(db, convention, 'frozen'), {
    institution,
    language,
    final: true,
  });
  const bytes = await cachedPdf(db, renderer, `attestation:${convention.id}`, 'attestation', [
    {
      reference: data.reference,
      host: data.host,
      student: {
        civility: data.student.civility,
        firstName: data.student.firstName,
        lastName: data.student.lastName,
        birthDate: data.student.birthDate,
        address: data.student.address,
        studentNumber: data.student.studentNumber,
      },
      university: { institutionName: institution.name, address: institution.address },
      programme: { title: data.programme.title },
      startDate: data.internship.startDate,
      endDate: data.internship.endDate,
      totalHours: data.internship.totalHours,
      totalGratificationPaid: null,
    },
    language,
  ]);
  const name = language === 'en' ? 'internship-certificate' : 'attestation-de-stage';
  return { bytes, filename: `${name}-${convention.reference ?? convention.id}.pdf`, sha256: sha256(bytes), final: true };
}
