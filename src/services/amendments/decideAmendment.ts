import { hasBlockingErrors } from '../../domain/legal/finding';
import { signatoriesOf, type Signatory } from '../../domain/signatories';
import { AppError, notFound } from '../../errors';
import { amendmentRepository, type Amendment } from '../../models/amendmentRepository';
import { conventionRepository, type Convention } from '../../models/conventionRepository';
import type { Database, Transaction } from '../../models/database';
import { signatureRequestRepository } from '../../models/signatureRequestRepository';
import { enqueueProgressUpdate } from '../progress/enqueueProgressUpdate';
import { signatoryContextOf } from '../conventions/signatories';
import type { AmendmentChanges } from '../../domain/amendment';
import { fieldError } from '../office/fieldError';
import { queueAmendmentMails } from './amendmentMails';
import { amendedPartiesOf } from './amendedParties';
import { amendedConvention, appliedChanges, type AmendmentValues } from './amendmentTerms';
import { recordAmendmentStep, type AmendmentContext } from './requestAmendment';

/** The office acts on amendment `number` of a convention, at the convention's version it saw. */
export interface AmendmentCommand {
  officeUserId: number;
  conventionId: number;
  number: number;
  version: number;
}

async function locked(tx: Transaction, command: AmendmentCommand) {
  const convention = await conventionRepository.findById(tx, command.conventionId);
  const amendment = convention && (await amendmentRepository.lockByNumber(tx, convention.id, command.number));
  if (!convention || !amendment) throw notFound();
  if (convention.version !== command.version) throw new AppError(409, 'errors.conflict');
  return { convention, amendment };
}

/** The convention and its amendment `number`, the amendment's row held, at the version the office saw. */
export const lockedAmendment = locked;

const office = (command: AmendmentCommand) => ({ role: 'office' as const, userId: command.officeUserId });

/**
 * The office validates a requested amendment: the convention as amended is evaluated again today; a standing
 * error needs the office's reason (kept), as for a convention.
 */
export async function validateAmendment(
  db: Database,
  command: AmendmentCommand & { overrideReason: string | null },
  context: AmendmentContext,
): Promise<Amendment> {
  return db.transaction(async (tx) => {
    const { convention, amendment } = await locked(tx, command);
    if (amendment.state !== 'requested') throw new AppError(409, 'amendment.errors.notRequested');
    if (amendment.programmeAgreement === 'pending') throw new AppError(409, 'amendment.errors.awaitingProgramme');
    const changes = amendment.changes as AmendmentChanges;
    const { after, findings } = await amendedConvention(tx, convention, changes, context.clock.today());
    const overrideReason = command.overrideReason?.trim() || null;
    if (hasBlockingErrors(findings, overrideReason ?? undefined)) throw fieldError('overrideReason', 'amendment.errors.blocking');
    const bumped = await conventionRepository.update(tx, convention.id, command.version, {});
    const updated = await amendmentRepository.update(tx, amendment.id, {
      state: 'validated',
      after: after as unknown as Record<string, unknown>,
      legalFindings: findings,
      overrideReason,
      decidedByUserId: command.officeUserId,
      decidedAt: context.clock.now(),
    });
    await recordAmendmentStep(tx, bumped, updated, office(command), 'validated', context.clock.now(), overrideReason);
    await enqueueProgressUpdate(tx, { studentUserId: convention.studentUserId, programmeId: convention.programmeId });
    await queueAmendmentMails(tx, bumped, updated, 'validated', context.officeEmail);
    return updated;
  });
}

/** The office refuses an amendment not yet in force, with a reason: the convention stays as it is. */
export async function refuseAmendment(db: Database, command: AmendmentCommand & { reason: string }, context: AmendmentContext) {
  return db.transaction(async (tx) => {
    const { convention, amendment } = await locked(tx, command);
    if (amendment.state !== 'requested' && amendment.state !== 'validated') throw new AppError(409, 'amendment.errors.notInProgress');
    const bumped = await conventionRepository.update(tx, convention.id, command.version, {});
    const updated = await amendmentRepository.update(tx, amendment.id, {
      state: 'refused',
      refusalReason: command.reason,
      decidedByUserId: command.officeUserId,
      decidedAt: context.clock.now(),
    });
    await recordAmendmentStep(tx, bumped, updated, office(command), 'refused', context.clock.now(), command.reason);
    await signatureRequestRepository.revokePendingForAmendment(tx, amendment.id, context.clock.now());
    await queueAmendmentMails(tx, bumped, updated, 'refused', context.officeEmail);
    return updated;
  });
}

/** Who signs an amendment: the convention's signatories, the dean last. */
export const amendmentSignatories = (convention: Parameters<typeof signatoryContextOf>[0]): Signatory[] =>
  signatoriesOf(signatoryContextOf(convention));

/**
 * One party's signature of a validated amendment, recorded by the office (the printed amendment came back signed).
 * With the last one the amendment is in force: the convention's dates, hours and gratification become the amended
 * ones, in the same transaction, with its history and audit; the LMS is told again (the status stays).
 */
export async function recordAmendmentSignature(
  db: Database,
  command: AmendmentCommand & { party: Signatory; signedAt: string },
  context: AmendmentContext,
  /** When the amendment is still awaiting signatures: who is asked next (the electronic circuit's next links). */
  continueCircuit?: (tx: Transaction, convention: Convention, amendment: Amendment) => Promise<unknown>,
) {
  return db.transaction(async (tx) => {
    const { convention, amendment } = await locked(tx, command);
    if (amendment.state !== 'validated') throw new AppError(409, 'amendment.errors.notValidated');
    const parties = amendmentSignatories(convention);
    if (!parties.includes(command.party)) throw fieldError('party', 'office.errors.choose');
    if (command.signedAt > context.clock.today()) throw fieldError('signedAt', 'office.errors.signedInFuture');
    const validatedOn = amendment.decidedAt ? amendment.decidedAt.toISOString().slice(0, 10) : null;
    if (validatedOn && command.signedAt < validatedOn)
      throw fieldError('signedAt', 'office.errors.signedBeforeValidation', { date: validatedOn });
    await amendmentRepository.addSignature(tx, {
      amendmentId: amendment.id,
      party: command.party,
      signedAt: command.signedAt,
      method: 'paper',
      recordedBy: command.officeUserId,
    });
    // Signed on paper: that party's link, if any, closes.
    await signatureRequestRepository.revokePendingForAmendment(tx, amendment.id, context.clock.now(), command.party);
    const applied = await applyIfFullySigned(tx, convention, amendment, office(command), context, { party: command.party });
    if (continueCircuit && applied.state === 'validated') await continueCircuit(tx, convention, applied);
    return applied;
  });
}

/**
 * After a signature (paper or electronic): with the last one the amendment is in force, the convention's dates,
 * hours, gratification and parties become the amended ones, in the caller's transaction, with history and audit.
 */
export async function applyIfFullySigned(
  tx: Transaction,
  convention: Convention,
  amendment: Amendment,
  actor: Parameters<typeof recordAmendmentStep>[3],
  context: Pick<AmendmentContext, 'clock' | 'officeEmail'>,
  details: Record<string, unknown> = {},
) {
  const parties = amendmentSignatories(convention);
  const signed = new Set((await amendmentRepository.listSignatures(tx, amendment.id)).map((signature) => signature.party));
  const complete = parties.every((party) => signed.has(party));
  const amended = amendment.changes as AmendmentChanges;
  const changes = complete
    ? {
        ...appliedChanges(amendment.after as unknown as AmendmentValues, amended),
        ...(await amendedPartiesOf(tx, convention, amended)),
        // The convention's findings are now those of the convention as amended.
        legalFindings: amendment.legalFindings,
      }
    : {};
  const bumped = await conventionRepository.update(tx, convention.id, convention.version, changes);
  await recordAmendmentStep(tx, bumped, amendment, actor, 'signature', context.clock.now(), null, details);
  if (!complete) return amendment;
  const updated = await amendmentRepository.update(tx, amendment.id, { state: 'signed', signedAt: context.clock.now() });
  await recordAmendmentStep(tx, bumped, updated, actor, 'signed', context.clock.now(), null, {
    before: amendment.before,
    after: amendment.after,
  });
  await enqueueProgressUpdate(tx, { studentUserId: convention.studentUserId, programmeId: convention.programmeId });
  await queueAmendmentMails(tx, bumped, updated, 'signed', context.officeEmail);
  await signatureRequestRepository.revokePendingForAmendment(tx, amendment.id, context.clock.now());
  return updated;
}
