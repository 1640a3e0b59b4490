import { isPrintableAsFinal } from '../../domain/conventionStatus';
import type { Convention } from '../../models/conventionRepository';
import type { Executor } from '../../models/database';
import { documentRepository } from '../../models/documentRepository';
import { signatureRepository } from '../../models/signatureRepository';
import { signatureRequestRepository } from '../../models/signatureRequestRepository';
import { signatoriesOf, type Signatory } from '../../domain/signatories';
import { signatoryContextOf } from '../conventions/signatories';

/**
 * Who has signed a validated convention and who has not yet, in signing order, and where the civil-liability
 * certificate stands: what the student must chase before the internship may start. Null before validation.
 */
/** Whether the convention went out for electronic signature (personal links, not the paper originals). */
export async function signsOnline(db: Executor, conventionId: number): Promise<boolean> {
  return (await signatureRequestRepository.listForConvention(db, conventionId)).length > 0;
}

export async function signatureProgress(db: Executor, convention: Convention) {
  if (!isPrintableAsFinal(convention.state)) return null;
  const signatures = await signatureRepository.listForConvention(db, convention.id);
  const certificate = await documentRepository.findCertificateForConvention(db, convention.id);
  const parties: Signatory[] = signatoriesOf(signatoryContextOf(convention));
  return {
    parties: parties.map((party) => {
      const signature = signatures.find((candidate) => candidate.party === party);
      return { party, signedAt: signature?.signedAt ?? null, method: signature?.method ?? null };
    }),
    certificate: certificate ? { status: certificate.status, reason: certificate.statusReason } : null,
    /** The office sent the convention for electronic signature: the parties sign by their links, nobody prints it. */
    online: await signsOnline(db, convention.id),
  };
}
