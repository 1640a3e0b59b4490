import type { Clock } from '../../clock';
import { isLinkOpen, signatoriesToRequest } from '../../domain/signatureCircuit';
import { isSignatureParty, type Signatory } from '../../domain/signatories';
import type { AmendmentChanges } from '../../domain/amendment';
import { AppError, notFound } from '../../errors';
import { enqueueNotification } from '../../mail/enqueueNotification';
import { amendmentRepository, type Amendment } from '../../models/amendmentRepository';
import { auditRepository } from '../../models/auditRepository';
import { conventionRepository, type Convention } from '../../models/conventionRepository';
import type { Database, Executor, Transaction } from '../../models/database';
import { signatureRequestRepository } from '../../models/signatureRequestRepository';
import { teacherRepository } from '../../models/teacherRepository';
import { userRepository } from '../../models/userRepository';
import { mailPartyOf } from '../signature/circuitParties';
import { openRequest, type CircuitContext } from '../signature/requestSignatures';
import { signatoryAddresses } from '../signature/signatoryAddresses';
import { amendmentPdfOf } from './amendmentView';
import { amendmentSignatories, applyIfFullySigned, lockedAmendment, type AmendmentCommand } from './decideAmendment';
import type { AmendmentContext } from './requestAmendment';

const fullName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`.trim();

/** Who signs each part of the amendment: the convention's signatories, the new tutor or referent it names instead. */
async function amendmentAddresses(tx: Transaction, convention: Convention, amendment: Amendment, context: CircuitContext) {
  const addresses = await signatoryAddresses(tx, convention, context.config);
  const changes = amendment.changes as AmendmentChanges;
  if (changes.professionalTutor)
    addresses.set('professional_tutor', {
      party: 'professional_tutor',
      name: fullName(changes.professionalTutor),
      email: changes.professionalTutor.email || null,
    });
  const referent = changes.academicTutor && (await teacherRepository.findById(tx, changes.academicTutor.teacherId));
  if (referent) addresses.set('academic_tutor', { party: 'academic_tutor', name: fullName(referent), email: referent.email || null });
  return addresses;
}

/**
 * Opens a personal request for every signatory of the amendment whose turn it is (the parties in parallel, the dean
 * once they all signed), in the caller's transaction. Signatories without an e-mail are left to paper.
 */
export async function requestAmendmentSignatures(
  tx: Transaction,
  convention: Convention,
  amendment: Amendment,
  context: CircuitContext,
  sentBy: number | null,
): Promise<Signatory[]> {
  const now = context.clock.now();
  const requests = await signatureRequestRepository.listForAmendment(tx, amendment.id);
  const due = signatoriesToRequest({
    parties: amendmentSignatories(convention).filter(isSignatureParty),
    signed: (await amendmentRepository.listSignatures(tx, amendment.id)).map((signature) => signature.party),
    open: requests.filter((request) => isLinkOpen(request, now)).map((request) => request.party),
    deanSignsElectronically: Boolean(context.config.signature.deanEmail),
  });
  const addresses = await amendmentAddresses(tx, convention, amendment, context);
  const sent: Signatory[] = [];
  for (const party of due) {
    const address = addresses.get(party);
    if (!address?.email) continue;
    await openRequest(tx, convention, { party, name: address.name, email: address.email }, context, sentBy, undefined, {
      id: amendment.id,
      number: amendment.number,
    });
    sent.push(party);
  }
  return sent;
}

/**
 * After a paper signature: once the amendment was sent for electronic signature, whoever's turn it now is gets
 * their link (the dean once the parties have all signed, some of them on paper). Before it was sent, nothing.
 */
export async function continueAmendmentCircuit(
  tx: Transaction,
  convention: Convention,
  amendment: Amendment,
  context: CircuitContext,
  officeUserId: number,
): Promise<Signatory[]> {
  if ((await signatureRequestRepository.listForAmendment(tx, amendment.id)).length === 0) return [];
  return requestAmendmentSignatures(tx, convention, amendment, context, officeUserId);
}

/**
 * The office sends a validated amendment for electronic signature: its PDF is fixed (the one every signatory sees
 * and whose hash each signature records), then every signatory whose turn it is gets their link. Sending again
 * reaches only those who have neither signed nor an open link. Paper signatures stay possible meanwhile.
 */
export async function sendAmendmentForSignature(db: Database, command: AmendmentCommand, context: CircuitContext & AmendmentContext) {
  return db.transaction(async (tx) => {
    const { convention, amendment: found } = await lockedAmendment(tx, command);
    if (found.state !== 'validated') throw new AppError(409, 'amendment.errors.notValidated');
    let amendment = found;
    if (!amendment.signaturePdf) {
      const pdf = await amendmentPdfOf(tx, convention, amendment, context.institution, context.renderer);
      amendment = await amendmentRepository.update(tx, amendment.id, { signaturePdf: pdf.bytes, signaturePdfSha256: pdf.sha256 });
    }
    const sent = await requestAmendmentSignatures(tx, convention, amendment, context, command.officeUserId);
    if (sent.length === 0) throw new AppError(409, 'signature.error.nothingToSend');
    await auditRepository.record(tx, {
      actorUserId: command.officeUserId,
      action: 'amendment.signature_sent',
      targetType: 'convention',
      targetId: convention.id,
      details: { number: amendment.number, parties: sent },
    });
    return sent;
  });
}

/**
 * A signatory's decision on an amendment's request (already marked decided, with its evidence, by the circuit): a
 * signature is the party's amendment signature, the last one puts the amendment in force; a refusal closes the
 * amendment's open links and tells the office and the student. The amendment itself stays validated.
 */
export async function decideAmendmentRequest(
  tx: Transaction,
  request: { id: number; party: Signatory; name: string; amendmentId: number | null },
  decision: { kind: 'sign' } | { kind: 'refuse'; reason: string },
  context: CircuitContext,
): Promise<{ outcome: 'signed' | 'refused'; convention: Convention }> {
  const found = await amendmentRepository.findById(tx, request.amendmentId!);
  const convention = found && (await conventionRepository.findById(tx, found.conventionId));
  const amendment = found && (await amendmentRepository.lockByNumber(tx, found.conventionId, found.number));
  if (!convention || amendment?.state !== 'validated') throw notFound();
  const now = context.clock.now();
  if (decision.kind === 'refuse') {
    await signatureRequestRepository.revokePendingForAmendment(tx, amendment.id, now);
    await queueAmendmentRefusalMails(tx, convention, amendment, request, decision.reason, context);
    return { outcome: 'refused', convention };
  }
  await amendmentRepository.addSignature(tx, {
    amendmentId: amendment.id,
    party: request.party,
    signedAt: context.clock.today(),
    method: 'electronic',
    recordedBy: null,
  });
  const applied = await applyIfFullySigned(tx, convention, amendment, { role: 'signatory', userId: null }, amendmentContextOf(context), {
    party: request.party,
    method: 'electronic',
  });
  const updated = (await conventionRepository.findById(tx, convention.id))!;
  if (applied.state === 'validated') await requestAmendmentSignatures(tx, updated, amendment, context, null);
  return { outcome: 'signed', convention: updated };
}

const amendmentContextOf = (context: CircuitContext) => ({ clock: context.clock, officeEmail: context.config.officeEmail });

async function queueAmendmentRefusalMails(
  tx: Transaction,
  convention: Convention,
  amendment: Amendment,
  request: { id: number; party: Signatory; name: string },
  reason: string,
  context: CircuitContext,
) {
  const student = await userRepository.findById(tx, convention.studentUserId);
  const path = `/conventions/${convention.id}/amendments`;
  const data = {
    reference: convention.reference ?? '',
    amendmentNumber: amendment.number,
    party: mailPartyOf(request.party),
    name: request.name,
    reason,
  };
  await enqueueNotification(tx, {
    template: 'signatureRefused',
    to: { email: context.config.officeEmail, name: 'Service des stages', locale: 'fr' },
    data: { ...data, path: `/office${path}` },
    dedupeKey: `signatureRefused:${request.id}:office`,
  });
  await enqueueNotification(tx, {
    template: 'signatureRefused',
    to: { email: student?.email ?? convention.student.email, name: student?.name ?? '', locale: student?.locale },
    data: { ...data, path: `/student${path}` },
    dedupeKey: `signatureRefused:${request.id}:student`,
  });
}

/** What the amendments page shows of the circuit: the open links of the amendment in progress, the student's own request. */
export async function amendmentCircuitView(db: Executor, amendment: Amendment | null, clock: Clock) {
  const open =
    amendment?.state === 'validated'
      ? (await signatureRequestRepository.listForAmendment(db, amendment.id)).filter((request) => isLinkOpen(request, clock.now()))
      : [];
  return { openLinks: open.map((request) => request.party), studentRequest: open.find((request) => request.party === 'student') ?? null };
}
