import { signatoriesOf } from '../../domain/signatories';
import { sha256 } from '../../documents/hash';
import { renderSignatureTrail, type SignatureTrailEntry } from '../../documents/signatureTrailPdf';
import { initI18n, translator } from '../../middleware/i18n';
import type { Convention } from '../../models/conventionRepository';
import type { Executor } from '../../models/database';
import { documentRepository } from '../../models/documentRepository';
import { generatedDocumentRepository } from '../../models/generatedDocumentRepository';
import { signatureRepository } from '../../models/signatureRepository';
import { signatureRequestRepository } from '../../models/signatureRequestRepository';
import { signatoryContextOf } from '../conventions/signatories';
import { documentLanguageOf } from '../documents/conventionDocumentData';
import type { CircuitContext } from './requestSignatures';
import { signatoryAddresses } from './signatoryAddresses';
import { loadSealCertificate } from './sealCertificate';
import { sealPdf } from './sealPdf';
import { newVerificationCode } from './verification';

const utc = (at: Date) => `${at.toISOString().slice(0, 19).replace('T', ' ')} UTC`;

/**
 * Once every signatory of a convention has signed (electronically or on paper, the dean included), the signed
 * convention is made once: the validated PDF, its signature page, the institution's seal. Stored with its hash.
 */
export async function sealIfComplete(tx: Executor, convention: Convention, context: CircuitContext): Promise<boolean> {
  const signatories = signatoriesOf(signatoryContextOf(convention));
  const signatures = await signatureRepository.listForConvention(tx, convention.id);
  if (!signatories.every((party) => signatures.some((signature) => signature.party === party))) return false;
  if (await generatedDocumentRepository.findForConvention(tx, convention.id, 'signed_convention_pdf')) return false;
  const validated = await generatedDocumentRepository.findForConvention(tx, convention.id, 'convention_pdf');
  if (!validated?.bytes) return false;
  const requests = await signatureRequestRepository.listForConvention(tx, convention.id);
  const addresses = await signatoryAddresses(tx, convention, context.config);
  const language = await documentLanguageOf(tx, convention);
  await initI18n();
  const t = translator(language);
  const now = context.clock.now();
  // A signature by scan: the scan is that party's signed original, named on the signature page by its hash.
  const stored = await documentRepository.listForConvention(tx, convention.id);
  const scanHash = (documentId: number | null) => stored.find((document) => document.id === documentId)?.sha256;
  const entries: SignatureTrailEntry[] = signatories.map((party) => {
    const signature = signatures.find((row) => row.party === party)!;
    const electronic = requests.find((request) => request.party === party && request.status === 'signed');
    return {
      role: t(`office.parties.${party}`),
      name: electronic?.name ?? addresses.get(party)?.name ?? '',
      email: electronic?.email,
      method: t(`signature.trail.method.${electronic ? 'link' : signature.method}`),
      at: electronic?.decidedAt ? utc(electronic.decidedAt) : signature.signedAt,
      ip: electronic?.ip ?? undefined,
      documentSha256: electronic?.documentSha256 ?? scanHash(signature.documentId) ?? undefined,
      typedName: electronic?.typedName ?? undefined,
    };
  });
  const { institution, signature: settings } = context.config;
  const verificationCode = newVerificationCode();
  const trailPdf = await renderSignatureTrail(
    {
      reference: convention.reference ?? String(convention.id),
      documentSha256: validated.sha256,
      sealedAt: utc(now),
      institutionName: institution.name,
      entries,
      verification: { url: `${context.config.publicBaseUrl}/verify`, code: verificationCode },
    },
    language,
  );
  const bytes = await sealPdf({
    validatedPdf: validated.bytes,
    trailPdf,
    p12: loadSealCertificate(settings.seal, institution.name),
    password: settings.seal.password,
    institutionName: institution.name,
    location: institution.address.city,
    at: now,
  });
  await documentRepository.create(tx, {
    conventionId: convention.id,
    kind: 'signed_convention_pdf',
    filename: `convention-${convention.reference ?? convention.id}-signee.pdf`,
    contentType: 'application/pdf',
    size: bytes.length,
    bytes,
    sha256: sha256(bytes),
    academicYear: convention.academicYear,
    verificationCode,
  });
  await signatureRequestRepository.revokePending(tx, convention.id, now);
  return true;
}
