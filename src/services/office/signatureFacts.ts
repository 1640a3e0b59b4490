import { isSignatureParty, partiesToSign, signatoriesOf } from '../../domain/signatories';
import type { Convention } from '../../models/conventionRepository';
import { conventionRepository } from '../../models/conventionRepository';
import type { Executor } from '../../models/database';
import { documentRepository } from '../../models/documentRepository';
import { signatureRepository } from '../../models/signatureRepository';
import { parisDateOf } from '../../clock';
import { signatoryContextOf } from '../conventions/signatories';

/** What the workflow needs to judge a signature or the final check, read in the caller's transaction. */
export async function signatureFacts(db: Executor, convention: Convention) {
  const signatures = await signatureRepository.listForConvention(db, convention.id);
  const certificate = await documentRepository.findCertificateForConvention(db, convention.id);
  const context = signatoryContextOf(convention);
  return {
    signatures,
    certificate,
    minorStudent: context.minorStudent,
    /** The parties this convention needs, in signing order. */
    parties: partiesToSign(context),
    /** Every signature row, the dean's last. */
    signatories: signatoriesOf(context),
    signedParties: signatures.map((signature) => signature.party).filter(isSignatureParty),
    certificateAccepted: certificate?.status === 'accepted',
    deanSignatureRecorded: signatures.some((signature) => signature.party === 'dean'),
  };
}

/** The day (in France) the office last validated the convention; signatures cannot be older. */
export async function validatedOn(db: Executor, conventionId: number): Promise<string | null> {
  const events = await conventionRepository.listEvents(db, conventionId);
  const validation = [...events].reverse().find((event) => event.event === 'validate');
  return validation ? parisDateOf(validation.at) : null;
}
