import type { Clock } from '../../clock';
import { isLinkOpen } from '../../domain/signatureCircuit';
import { notFound } from '../../errors';
import { conventionRepository, type Convention } from '../../models/conventionRepository';
import { amendmentRepository, type Amendment } from '../../models/amendmentRepository';
import { auditRepository } from '../../models/auditRepository';
import type { Database, Executor } from '../../models/database';
import { generatedDocumentRepository } from '../../models/generatedDocumentRepository';
import { signatureRequestRepository, type SignatureRequest } from '../../models/signatureRequestRepository';
import { hashSignatureToken } from './signatureToken';

export interface OpenLink {
  request: SignatureRequest;
  convention: Convention;
  /** Set when the link is for an amendment: its PDF, not the convention's, is the one signed. */
  amendment?: Amendment;
  pdf: { bytes: Buffer; filename: string; sha256: string };
}

/**
 * What a personal link opens, or the one "not found" for a wrong, expired, revoked or used link, a link of a
 * convention no longer awaiting that signature: nothing tells them apart, nothing leaks.
 */
export async function openSignatureLink(db: Executor, token: string, clock: Clock): Promise<OpenLink> {
  if (!/^[A-Za-z0-9_-]{40,64}$/.test(token)) throw notFound();
  const request = await signatureRequestRepository.findByTokenHash(db, hashSignatureToken(token));
  if (!request || request.party === 'student' || !isLinkOpen(request, clock.now())) throw notFound();
  const convention = await conventionRepository.findById(db, request.conventionId);
  if (request.amendmentId !== null) return openAmendmentLink(db, request, convention);
  const awaited = request.party === 'dean' ? ['validated', 'signed_by_parties'] : ['validated'];
  if (!convention || !awaited.includes(convention.state)) throw notFound();
  const pdf = await generatedDocumentRepository.findForConvention(db, convention.id, 'convention_pdf');
  if (!pdf?.bytes) throw notFound();
  return { request, convention, pdf: { bytes: pdf.bytes, filename: pdf.filename, sha256: pdf.sha256 } };
}

/** An amendment's link opens while the amendment awaits signatures, on the PDF fixed when it was sent. */
async function openAmendmentLink(db: Executor, request: SignatureRequest, convention: Convention | undefined): Promise<OpenLink> {
  const amendment = await amendmentRepository.findById(db, request.amendmentId!);
  if (!convention || amendment?.conventionId !== convention.id || amendment.state !== 'validated') throw notFound();
  if (!amendment.signaturePdf || !amendment.signaturePdfSha256) throw notFound();
  const filename = `avenant-${amendment.number}-${convention.reference ?? convention.id}.pdf`;
  return { request, convention, amendment, pdf: { bytes: amendment.signaturePdf, filename, sha256: amendment.signaturePdfSha256 } };
}

/** A signatory opens their link's page: the opening is in the convention's audit trail (who, from where). */
export async function openSignatureLinkPage(db: Database, token: string, clock: Clock, ip: string): Promise<OpenLink> {
  return db.transaction(async (tx) => {
    const opened = await openSignatureLink(tx, token, clock);
    await auditRepository.record(tx, {
      actorUserId: null,
      action: 'signature.link_opened',
      targetType: 'convention',
      targetId: opened.convention.id,
      details: { party: opened.request.party, email: opened.request.email, ip },
    });
    return opened;
  });
}
