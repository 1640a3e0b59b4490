import { sha256 } from '../../documents/hash';
import { attestationRefusal } from '../../domain/internshipEnd';
import { AppError } from '../../errors';
import type { Database } from '../../models/database';
import { hostAttestationRepository } from '../../models/evaluationRepository';
import { conventionDocumentData, documentLanguageOf, partiesOf, type Institution } from './conventionDocumentData';
import type { ServedPdf } from './conventionPdf';
import { conventionForViewer, type ConventionViewer } from './documentAccess';
import { cachedPdf } from './pdfCache';
import type { PdfRenderer } from './pdfRenderer';

/**
 * The attestation de stage (D124-9) the host signs at the end: only for a complete convention whose internship has
 * ended (its last day has come, or it ended early), from the parties frozen at validation and the actual effective
 * presence and total gratification paid that the office recorded.
 */
export async function attestationPdfFor(
  db: Database,
  institution: Institution,
  viewer: ConventionViewer,
  conventionId: number,
  renderer: PdfRenderer,
  today: string,
): Promise<ServedPdf> {
  const convention = await conventionForViewer(db, viewer, conventionId);
  const refusal = attestationRefusal(convention, today);
  if (refusal) throw new AppError(409, refusal.key, refusal.params);
  const language = await documentLanguageOf(db, convention);
  const attestation = await hostAttestationRepository.find(db, convention.id);
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
      endDate: convention.actualEndDate!,
      totalHours: convention.effectiveHours!,
      totalGratificationPaid: convention.totalGratificationPaid,
      ...(attestation
        ? {
            signedBy: {
              name: attestation.signedName,
              date: attestation.submittedAt.toISOString().slice(0, 10),
              method: attestation.signatureMethod,
              ...(attestation.signedEmail ? { email: attestation.signedEmail } : {}),
            },
          }
        : {}),
    },
    language,
  ]);
  const name = language === 'en' ? 'internship-certificate' : 'attestation-de-stage';
  return { bytes, filename: `${name}-${convention.reference ?? convention.id}.pdf`, sha256: sha256(bytes), final: true };
}
