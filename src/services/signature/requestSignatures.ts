import type { Clock } from '../../clock';
import type { Config } from '../../config';
import { linkExpiry, isLinkOpen, signatoriesToRequest } from '../../domain/signatureCircuit';
import type { Signatory } from '../../domain/signatories';
import { enqueueNotification } from '../../mail/enqueueNotification';
import type { Convention } from '../../models/conventionRepository';
import type { Executor } from '../../models/database';
import { organisationRepository } from '../../models/organisationRepository';
import { signatureOrderRepository } from '../../models/signatureOrderRepository';
import { signatureRequestRepository } from '../../models/signatureRequestRepository';
import { userRepository } from '../../models/userRepository';
import { studentPath } from '../office/officeCommand';
import { signatureFacts } from '../office/signatureFacts';
import { mailPartyOf } from './circuitParties';
import { signatoryAddresses } from './signatoryAddresses';
import { randomBytes } from 'node:crypto';
import { hashSignatureToken, signatureTokenFor } from './signatureToken';

/** What the circuit needs around a use case: the configuration (dean's address) and today. */
export interface CircuitContext {
  config: Config;
  clock: Clock;
}

/**
 * Opens a personal request for every signatory whose turn it is (the parties in parallel or in the office's order,
 * the dean once they all signed) and mails them their link, in the caller's transaction. Signatories without an e-mail are left to paper.
 */
export async function requestSignatures(
  tx: Executor,
  convention: Convention,
  context: CircuitContext,
  sentBy: number | null,
): Promise<Signatory[]> {
  const now = context.clock.now();
  const facts = await signatureFacts(tx, convention);
  const requests = await signatureRequestRepository.listForConvention(tx, convention.id);
  const due = signatoriesToRequest({
    parties: facts.parties,
    signed: facts.signatures.map((signature) => signature.party),
    open: requests.filter((request) => isLinkOpen(request, now)).map((request) => request.party),
    deanSignsElectronically: Boolean(context.config.signature.deanEmail),
    sequence: await signatureOrderRepository.find(tx, convention.id),
  });
  const addresses = await signatoryAddresses(tx, convention, context.config);
  const sent: Signatory[] = [];
  for (const party of due) {
    const address = addresses.get(party);
    if (!address?.email) continue;
    await openRequest(tx, convention, { party, name: address.name, email: address.email }, context, sentBy);
    sent.push(party);
  }
  return sent;
}

/**
 * One signatory's request: a new link, mailed through the outbox. Only the link's hash is stored, and the mail in the
 * outbox names the request, not the link: the link is derived at delivery (signatureLinkResolver).
 */
export async function openRequest(
  tx: Executor,
  convention: Convention,
  signatory: { party: Signatory; name: string; email: string },
  context: CircuitContext,
  sentBy: number | null,
  reminder?: { reminder: true; expiresAt: Date },
  amendment?: { id: number; number: number },
) {
  const now = context.clock.now();
  const expiresAt = reminder?.expiresAt ?? linkExpiry(now);
  const { party, name, email } = signatory;
  const created = await signatureRequestRepository.create(tx, {
    conventionId: convention.id,
    party,
    name,
    email,
    // Until the row has its id (the link is derived from it), a hash of a secret nobody knows.
    tokenHash: hashSignatureToken(randomBytes(32).toString('base64url')),
    sentAt: now,
    expiresAt,
    sentBy,
    amendmentId: amendment?.id ?? null,
  });
  const tokenHash = hashSignatureToken(signatureTokenFor(context.config.encryptionKey, created.id));
  const request = await signatureRequestRepository.setTokenHash(tx, created.id, tokenHash);
  const organisationName = convention.organisationId
    ? ((await organisationRepository.findById(tx, convention.organisationId))?.name ?? '')
    : '';
  const student = signatory.party === 'student' ? await userRepository.findById(tx, convention.studentUserId) : undefined;
  await enqueueNotification(tx, {
    template: 'signatureRequested',
    to: { email: signatory.email, name: signatory.name, locale: student?.locale ?? 'fr' },
    data: {
      reference: convention.reference ?? '',
      ...(amendment ? { amendmentNumber: amendment.number } : {}),
      organisationName,
      party: mailPartyOf(signatory.party),
      expiresOn: expiresAt.toISOString().slice(0, 10),
      inSpace: signatory.party === 'student',
      ...(reminder ? { reminder: true } : {}),
      ...(signatory.party === 'student'
        ? { path: amendment ? `/student/conventions/${convention.id}/amendments` : studentPath(convention.id) }
        : { path: '', signatureRequestId: request.id }),
    },
    dedupeKey: `signatureRequested:${request.id}`,
  });
  return request;
}
