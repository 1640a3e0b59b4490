import { AppError, notFound } from '../../errors';
import { enqueueNotification } from '../../mail/enqueueNotification';
import { auditRepository } from '../../models/auditRepository';
import { conventionRepository } from '../../models/conventionRepository';
import type { Database, Transaction } from '../../models/database';
import { generatedDocumentRepository } from '../../models/generatedDocumentRepository';
import { signatureRepository } from '../../models/signatureRepository';
import { signatureRequestRepository, type SignatureRequest } from '../../models/signatureRequestRepository';
import { userRepository } from '../../models/userRepository';
import { isSignatureParty } from '../../domain/signatories';
import { decideAmendmentRequest } from '../amendments/amendmentCircuit';
import { completeIfReady } from '../conventions/completeConvention';
import { fireConventionEvent } from '../conventions/conventionTransition';
import { studentPath } from '../office/officeCommand';
import { signatureFacts } from '../office/signatureFacts';
import { mailPartyOf } from './circuitParties';
import { openSignatureLink } from './openSignatureLink';
import { requestSignatures, type CircuitContext } from './requestSignatures';
import { sealIfComplete } from './sealConvention';
import { spendSigningCode } from './signingCode';
import { openStudentRequest, type StudentRequestCommand } from './studentRequest';

/** Where the decision came from: recorded with it as evidence. */
export interface DecisionOrigin {
  ip: string;
  userAgent: string;
}

export type Decision = { kind: 'sign'; typedName?: string } | { kind: 'refuse'; reason: string };

/** From a link, a signature comes with the full name typed and the one-time code mailed to the signatory. */
export type LinkDecision = { kind: 'sign'; typedName: string; code: string } | { kind: 'refuse'; reason: string };

/** A signatory decides from their personal link; a signature spends its code (checked first by checkSigningCode). */
export async function decideByLink(db: Database, token: string, decision: LinkDecision, origin: DecisionOrigin, context: CircuitContext) {
  return db.transaction(async (tx) => {
    const opened = await openSignatureLink(tx, token, context.clock);
    await generatedDocumentRepository.lockConvention(tx, opened.convention.id);
    if (decision.kind === 'sign') {
      const spent = await spendSigningCode(tx, opened.request, decision.code, context.config.encryptionKey, context.clock.now());
      if (!spent) throw notFound();
    }
    const recorded: Decision = decision.kind === 'sign' ? { kind: 'sign', typedName: decision.typedName } : decision;
    return decide(tx, opened.request, opened.pdf.sha256, recorded, origin, context, null);
  });
}

/**
 * The student decides from their Pstage space (LTI session): their own pending request on their convention or on one of
 * its amendments. A
 * signature follows the links' rule: the code mailed to the student's address (checked first by checkSigningCode),
 * spent here, and their full name typed.
 */
export async function decideAsStudent(
  db: Database,
  command: StudentRequestCommand,
  decision: LinkDecision,
  origin: DecisionOrigin,
  context: CircuitContext,
) {
  return db.transaction(async (tx) => {
    await generatedDocumentRepository.lockConvention(tx, command.conventionId);
    const { request, pdf } = await openStudentRequest(tx, command, context.clock);
    if (decision.kind === 'sign') {
      const spent = await spendSigningCode(tx, request, decision.code, context.config.encryptionKey, context.clock.now());
      if (!spent) throw new AppError(409, 'signature.error.notAwaited');
    }
    const recorded: Decision = decision.kind === 'sign' ? { kind: 'sign', typedName: decision.typedName } : decision;
    return decide(tx, request, pdf.sha256, recorded, origin, context, command.studentUserId);
  });
}

async function decide(
  tx: Transaction,
  request: SignatureRequest,
  documentSha256: string,
  decision: Decision,
  origin: DecisionOrigin,
  context: CircuitContext,
  actorUserId: number | null,
) {
  const now = context.clock.now();
  const typedName = decision.kind === 'sign' ? decision.typedName : undefined;
  const evidence = { decidedAt: now, ip: origin.ip, userAgent: origin.userAgent.slice(0, 500), documentSha256, typedName };
  const recorded =
    decision.kind === 'sign'
      ? await signatureRequestRepository.decide(tx, request.id, { status: 'signed', evidence })
      : await signatureRequestRepository.decide(tx, request.id, { status: 'refused', evidence, reason: decision.reason });
  // The same link used twice at once: the second finds it no longer pending.
  if (!recorded) throw notFound();
  const convention = (await conventionRepository.findById(tx, request.conventionId))!;
  await auditRepository.record(tx, {
    actorUserId,
    action: decision.kind === 'sign' ? 'signature.signed' : 'signature.refused',
    targetType: 'convention',
    targetId: convention.id,
    details: {
      party: request.party,
      name: request.name,
      email: request.email,
      ip: origin.ip,
      documentSha256,
      ...(typedName ? { typedName, code: 'e-mail' } : {}),
    },
  });
  if (request.amendmentId !== null) return decideAmendmentRequest(tx, request, decision, context);
  if (decision.kind === 'refuse') return refuse(tx, request, decision.reason, context, convention.id);
  const facts = await signatureFacts(tx, convention);
  let updated = convention;
  if (isSignatureParty(request.party)) {
    updated = await fireConventionEvent({
      tx,
      convention,
      version: convention.version,
      event: { type: 'record_signature', party: request.party },
      actor: 'signatory',
      actorUserId,
      at: now,
      facts: { signedParties: facts.signedParties, minorStudent: facts.minorStudent },
    });
  }
  await signatureRepository.create(tx, {
    conventionId: convention.id,
    party: request.party,
    signedAt: context.clock.today(),
    method: 'electronic',
    recordedBy: null,
  });
  // The dean's signature is the last one: with the certificate accepted, the convention is complete.
  if (request.party === 'dean') updated = await completeIfReady({ tx, convention: updated, actor: 'signatory', actorUserId, context });
  await requestSignatures(tx, updated, context, null);
  await sealIfComplete(tx, updated, context);
  return { outcome: 'signed' as const, convention: updated };
}

/** A refusal stops the circuit: every open link closes; the office and the student are told why. */
async function refuse(tx: Transaction, request: SignatureRequest, reason: string, context: CircuitContext, conventionId: number) {
  const now = context.clock.now();
  await signatureRequestRepository.revokePending(tx, conventionId, now);
  const convention = (await conventionRepository.findById(tx, conventionId))!;
  const student = await userRepository.findById(tx, convention.studentUserId);
  const data = { reference: convention.reference ?? '', party: mailPartyOf(request.party), name: request.name, reason };
  await enqueueNotification(tx, {
    template: 'signatureRefused',
    to: { email: context.config.officeEmail, name: 'Service des stages', locale: 'fr' },
    data: { ...data, path: `/office/conventions/${conventionId}` },
    dedupeKey: `signatureRefused:${request.id}:office`,
  });
  await enqueueNotification(tx, {
    template: 'signatureRefused',
    to: { email: student?.email ?? convention.student.email, name: student?.name ?? '', locale: student?.locale },
    data: { ...data, path: studentPath(conventionId) },
    dedupeKey: `signatureRefused:${request.id}:student`,
  });
  return { outcome: 'refused' as const, convention };
}
