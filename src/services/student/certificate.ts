import crypto from 'node:crypto';
import { auditRepository } from '../../models/auditRepository';
import { conventionRepository, type Convention } from '../../models/conventionRepository';
import type { Database, Executor } from '../../models/database';
import { documentRepository, type DocumentSummary } from '../../models/documentRepository';

export const certificateMaxBytes = 5 * 1024 * 1024;

/** The content type told by the file's first bytes, never by its name or the browser's claim. */
export function sniffContentType(bytes: Uint8Array): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  const starts = (signature: number[]) => bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46])) return 'application/pdf';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}

export type CertificateUpload =
  { ok: true; document: DocumentSummary; replaced: number[] } | { ok: false; errors: { conventionId?: string; certificate?: string } };

/** CERTIFICATE_QUOTA's default: certificates one student may have stored at once. */
export const defaultCertificateQuota = 10;

/** The conventions a certificate can be uploaded for: the student's own, until complete or cancelled. */
export async function certificateConventions(db: Executor, ownerUserId: number): Promise<Convention[]> {
  const all = await conventionRepository.listForStudent(db, ownerUserId);
  return all.filter((convention) => convention.state !== 'cancelled' && convention.state !== 'complete');
}

/**
 * Stores a civil-liability certificate for one of the student's conventions, waiting to be checked by the office.
 * It belongs to the convention (not to the academic year of the upload day): a certificate uploaded in June for
 * an internship starting in September is the one the office checks.
 *
 * What is kept: a new upload replaces the student's earlier certificates for that convention that the office has
 * not decided on yet (nobody looked at them, the office checks the newest one); accepted and refused ones stay,
 * with the office's reason: the file's history, should the cover ever be disputed. Beyond `quota` stored
 * certificates the upload is refused, with an error that sends the student to the office.
 */
export async function uploadCertificate(
  db: Database,
  ownerUserId: number,
  conventionId: number | undefined,
  file: { originalname: string; buffer: Buffer },
  options: { quota?: number } = {},
): Promise<CertificateUpload> {
  const quota = options.quota ?? defaultCertificateQuota;
  const convention = conventionId
    ? (await certificateConventions(db, ownerUserId)).find((candidate) => candidate.id === conventionId)
    : undefined;
  const contentType = sniffContentType(file.buffer);
  const fileError =
    file.buffer.length === 0
      ? 'student.certificate.errors.empty'
      : file.buffer.length > certificateMaxBytes
        ? 'student.certificate.errors.tooLarge'
        : !contentType
          ? 'student.certificate.errors.type'
          : undefined;
  if (!convention || fileError || !contentType) {
    return {
      ok: false,
      errors: {
        ...(convention ? {} : { conventionId: 'student.certificate.errors.convention' }),
        ...(fileError ? { certificate: fileError } : {}),
      },
    };
  }
  const filename =
    file.originalname
      .normalize('NFC')
      .replace(/[\\/\p{Cc}]/gu, '_')
      .slice(0, 200) || 'attestation';
  return db.transaction(async (tx): Promise<CertificateUpload> => {
    await documentRepository.lockCertificateOwner(tx, ownerUserId);
    if ((await documentRepository.countCertificatesKeptBeside(tx, ownerUserId, convention.id)) >= quota) {
      return { ok: false, errors: { certificate: 'student.certificate.errors.quota' } };
    }
    const replaced = await documentRepository.removeUndecidedCertificates(tx, ownerUserId, convention.id);
    const document = await documentRepository.create(tx, {
      ownerUserId,
      conventionId: convention.id,
      kind: 'civil_liability',
      filename,
      contentType,
      size: file.buffer.length,
      bytes: file.buffer,
      sha256: crypto.createHash('sha256').update(file.buffer).digest('hex'),
      status: 'submitted',
      academicYear: convention.academicYear,
    });
    if (replaced.length > 0) {
      await auditRepository.record(tx, {
        actorUserId: ownerUserId,
        action: 'certificate.replaced',
        targetType: 'convention',
        targetId: convention.id,
        details: { documentId: document.id, replacedDocumentIds: replaced },
      });
    }
    return { ok: true, document, replaced };
  });
}
