import { createHash } from 'node:crypto';
import { amendmentTitle } from '../../documents/amendmentPdf';
import { renderAuditTrail } from '../../documents/auditTrailPdf';
import type { DocumentLanguage } from '../../documents/types';
import { notFound } from '../../errors';
import { translator } from '../../middleware/i18n';
import { auditRepository } from '../../models/auditRepository';
import { conventionRepository } from '../../models/conventionRepository';
import type { Database } from '../../models/database';
import { signatureRequestRepository, type SignatureRequest } from '../../models/signatureRequestRepository';
import { amendmentRepository } from '../../models/amendmentRepository';
import { userRepository } from '../../models/userRepository';
import type { DocumentViewer } from '../documents/documentAccess';

const utc = (at: Date) => `${at.toISOString().slice(0, 19).replace('T', ' ')} UTC`;

const detailsText = (details: unknown) =>
  Object.entries((details ?? {}) as Record<string, unknown>)
    .map(([key, value]) => `${key} : ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(' · ');

/**
 * The audit trail of one convention as a PDF, for the office only (it names e-mails and IP addresses of every
 * party): the circuit's requests, each amendment's (its document's hash, requests and signatures), then every entry
 * of the audit log, oldest first. Anyone else: the same 404.
 */
export async function auditTrailPdfFor(
  db: Database,
  viewer: DocumentViewer,
  conventionId: number,
  options: { now: Date; language: DocumentLanguage; institutionName: string },
) {
  if (!viewer.office) throw notFound();
  const convention = await conventionRepository.findById(db, conventionId);
  if (!convention) throw notFound();
  const t = translator(options.language);
  const entries = (await auditRepository.listForTarget(db, 'convention', convention.id)).reverse();
  const requests = await signatureRequestRepository.listForConvention(db, convention.id);
  const names = new Map<number, string>();
  for (const id of new Set(entries.map((entry) => entry.actorUserId).filter((id): id is number => id !== null))) {
    names.set(id, (await userRepository.findById(db, id))?.name ?? `#${id}`);
  }
  const reference = convention.reference ?? String(convention.id);
  const requestRow = (request: SignatureRequest) => ({
    role: t(`office.parties.${request.party}`),
    name: request.name,
    email: request.email,
    status: t(`signature.office.status_${request.status}`),
    sentAt: utc(request.sentAt),
    decidedAt: request.decidedAt ? utc(request.decidedAt) : undefined,
    ip: request.ip ?? undefined,
    sha256: request.documentSha256 ?? undefined,
  });
  const bytes = await renderAuditTrail(
    {
      reference,
      institutionName: options.institutionName,
      generatedAt: utc(options.now),
      requests: requests.map(requestRow),
      amendments: await Promise.all(
        (await amendmentRepository.listForConvention(db, convention.id)).map(async (amendment) => ({
          title: amendmentTitle(amendment.number, reference, options.language),
          sha256: amendment.signaturePdfSha256 ?? undefined,
          requests: (await signatureRequestRepository.listForAmendment(db, amendment.id)).map(requestRow),
          signatures: (await amendmentRepository.listSignatures(db, amendment.id)).map((signature) => ({
            role: t(`office.parties.${signature.party}`),
            signedAt: signature.signedAt,
            method: t(`student.status.signatures.method.${signature.method}`),
          })),
        })),
      ),
      entries: entries.map((entry) => ({
        at: utc(entry.at),
        who: entry.actorUserId === null ? t('signature.office.auditSystem') : names.get(entry.actorUserId)!,
        action: entry.action,
        details: detailsText(entry.details),
      })),
    },
    options.language,
  );
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { bytes, filename: `convention-${reference}-journal-audit.pdf`, sha256, final: true };
}
