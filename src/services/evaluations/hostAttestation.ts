import type { Clock } from '../../clock';
import { internshipEndRefusal, lastDayOf } from '../../domain/internshipEnd';
import { AppError } from '../../errors';
import { auditRepository } from '../../models/auditRepository';
import { conventionRepository, type Convention } from '../../models/conventionRepository';
import type { Database, Executor } from '../../models/database';
import { documentRepository } from '../../models/documentRepository';
import { hostAttestationRepository, type HostSpaceLink } from '../../models/evaluationRepository';
import { sha256 } from '../../documents/hash';
import { isReadablePdf } from '../signature/recordScan';
import { spendAttestationCode } from './attestationCode';
import { moveInternshipState } from './advanceInternships';

export interface AttestationRefusal {
  field: 'effectiveHours' | 'code' | 'scan';
  /** i18n key and its parameters. */
  key: string;
  params: Record<string, string | number>;
}

/** The host's signature: the mailed one-time code (checked by the caller, spent here), or a signed scan. */
export type HostAttestationSignature = { method: 'code'; code: string } | { method: 'scan'; file: { filename: string; bytes: Buffer } };

export interface HostAttestationInput {
  effectiveHours: number;
  totalGratificationPaid: number;
  signedName: string;
  signature: HostAttestationSignature;
}

/** A scanned attestation of a page or two. */
export const attestationScanMaxBytes = 10 * 1024 * 1024;

/**
 * The host completes the attestation de stage (D124-9) from its space once the last day has come: the figures it
 * certifies become the convention's end figures (the same ones the office may record or correct), with the typed
 * name and the mailed code, or a signed scan, as the host's signature. Once only; the office corrects afterwards. A refusal of the figures is returned (a
 * field error), the others (too early, already done) are thrown.
 */
export async function completeHostAttestation(
  db: Database,
  opened: { convention: Convention; link: HostSpaceLink },
  input: HostAttestationInput,
  context: { clock: Clock; encryptionKey: string },
): Promise<AttestationRefusal | null> {
  const { convention, link } = opened;
  const { clock } = context;
  const { signature, ...figures } = input;
  const lastDay = lastDayOf(convention)!;
  const refusal = internshipEndRefusal(convention, { actualEndDate: lastDay, effectiveHours: input.effectiveHours }, clock.today());
  // More hours than the period allows is the host's typing to correct: it comes back next to the field.
  if (refusal?.field === 'effectiveHours') return { field: 'effectiveHours', key: refusal.key, params: refusal.params };
  if (refusal)
    throw new AppError(
      refusal.field === 'actualEndDate' ? 409 : 422,
      refusal.key === 'office.errors.notEndedYet' ? 'evaluation.errors.attestationBeforeEnd' : refusal.key,
      { ...refusal.params, date: lastDay },
    );
  if (signature.method === 'scan') {
    if (signature.file.bytes.length > attestationScanMaxBytes) return scanRefusal('evaluation.errors.scanTooLarge');
    if (!(await isReadablePdf(signature.file.bytes))) return scanRefusal('evaluation.errors.scanNotPdf');
  }
  const now = clock.now();
  return db.transaction(async (tx) => {
    if (signature.method === 'code' && !(await spendAttestationCode(tx, link, signature.code, context.encryptionKey, now)))
      return { field: 'code' as const, key: 'signature.error.code_expired', params: {} };
    const scan =
      signature.method === 'scan'
        ? await documentRepository.create(tx, {
            conventionId: convention.id,
            kind: 'signed_attestation_scan',
            filename: signature.file.filename.slice(0, 200) || `attestation-${convention.reference ?? convention.id}-scan.pdf`,
            contentType: 'application/pdf',
            size: signature.file.bytes.length,
            bytes: signature.file.bytes,
            sha256: sha256(signature.file.bytes),
            academicYear: convention.academicYear,
          })
        : null;
    const created = await hostAttestationRepository.create(tx, {
      conventionId: convention.id,
      effectiveHours: String(input.effectiveHours),
      totalGratificationPaid: String(input.totalGratificationPaid),
      signedName: input.signedName,
      submittedAt: now,
      signatureMethod: signature.method,
      signedEmail: signature.method === 'code' ? link.email : null,
      scanDocumentId: scan?.id ?? null,
    });
    if (!created) throw new AppError(409, 'evaluation.errors.attestationDone');
    await conventionRepository.update(tx, convention.id, convention.version, {
      actualEndDate: lastDay,
      effectiveHours: input.effectiveHours,
      totalGratificationPaid: input.totalGratificationPaid,
    });
    await auditRepository.record(tx, {
      actorUserId: null,
      action: 'convention.host_attestation',
      targetType: 'convention',
      targetId: convention.id,
      details: { ...figures, method: signature.method, ...(scan ? { documentId: scan.id, sha256: scan.sha256 } : { email: link.email }) },
    });
    await moveInternshipState(tx, convention.id, now, clock.today());
    return null;
  });
}

const scanRefusal = (key: string): AttestationRefusal => ({
  field: 'scan',
  key,
  params: { megabytes: attestationScanMaxBytes / 1024 / 1024 },
});

/** Whether the host's attestation was signed on paper (a scan kept), which the student's status page says. */
export async function attestationScanned(db: Executor, conventionId: number): Promise<boolean> {
  return Boolean((await hostAttestationRepository.find(db, conventionId))?.scanDocumentId);
}
