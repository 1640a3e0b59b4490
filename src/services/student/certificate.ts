import crypto from 'node:crypto';
import { academicYearOf } from '../../domain/academicYear';
import type { Database } from '../../models/database';
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

export type CertificateUpload = { ok: true; document: DocumentSummary } | { ok: false; error: string };

/** Stores a civil-liability certificate for the student, waiting to be checked by the office. */
export async function uploadCertificate(db: Database, ownerUserId: number, file: { originalname: string; buffer: Buffer }, today: string): Promise<CertificateUpload> {
  if (file.buffer.length === 0) return { ok: false, error: 'student.certificate.errors.empty' };
  if (file.buffer.length > certificateMaxBytes) return { ok: false, error: 'student.certificate.errors.tooLarge' };
  const contentType = sniffContentType(file.buffer);
  if (!contentType) return { ok: false, error: 'student.certificate.errors.type' };
  const filename = file.originalname.normalize('NFC').replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || 'attestation';
  const document = await documentRepository.create(db, {
    ownerUserId,
    kind: 'civil_liability',
    filename,
    contentType,
    size: file.buffer.length,
    bytes: file.buffer,
    sha256: crypto.createHash('sha256').update(file.buffer).digest('hex'),
    status: 'submitted',
    academicYear: academicYearOf(today),
  });
  return { ok: true, document };
}
