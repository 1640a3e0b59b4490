import type { Clock } from '../../clock';
import { amendmentRefusals, isAmendable, kindsOf, needsProgrammeAgreement, type AmendmentChanges } from '../../domain/amendment';
import { unoverridableErrors } from '../../domain/legal/finding';
import { AppError, notFound } from '../../errors';
import { amendmentRepository, type Amendment } from '../../models/amendmentRepository';
import { auditRepository } from '../../models/auditRepository';
import { conventionRepository, type Convention } from '../../models/conventionRepository';
import type { Database, Transaction } from '../../models/database';
import type { Institution } from '../documents/conventionDocumentData';
import { storedFinalPdf } from '../documents/conventionPdf';
import type { PdfRenderer } from '../documents/pdfRenderer';
import { AmendmentRefused } from './amendmentErrors';
import { queueAmendmentMails, queueProgrammeAgreementMails } from './amendmentMails';
import { amendedConvention, termsOf, valuesOf } from './amendmentTerms';

export interface AmendmentContext {
  clock: Clock;
  institution: Institution;
  officeEmail: string;
  renderer: PdfRenderer;
}

export interface AmendmentRequest {
  /** The student (their own convention only) or the office. */
  actor: { role: 'student' | 'office'; userId: number };
  conventionId: number;
  /** The convention's version the requester saw: a change since then is a conflict. */
  version: number;
  changes: AmendmentChanges;
}

/** The convention the actor may amend: a student's own, any for the office; not found otherwise. */
export async function amendableConvention(db: Transaction | Database, actor: AmendmentRequest['actor'], conventionId: number) {
  const convention =
    actor.role === 'student'
      ? await conventionRepository.findForStudent(db, conventionId, actor.userId)
      : await conventionRepository.findById(db, conventionId);
  if (!convention) throw notFound();
  return convention;
}

/** Writes a step of an amendment in the convention's history and the audit log. */
export async function recordAmendmentStep(
  tx: Transaction,
  convention: Convention,
  amendment: Amendment,
  actor: { role: 'student' | 'office' | 'programme'; userId: number } | { role: 'signatory'; userId: null },
  step: string,
  at: Date,
  reason: string | null = null,
  details: Record<string, unknown> = {},
) {
  await conventionRepository.addEvent(tx, {
    conventionId: convention.id,
    actorUserId: actor.userId,
    actorRole: actor.role,
    event: `amendment_${step}`,
    fromState: convention.state,
    toState: convention.state,
    reason: reason ?? `n° ${amendment.number}`,
    at,
  });
  await auditRepository.record(tx, {
    actorUserId: actor.userId,
    action: `amendment.${step}`,
    targetType: 'convention',
    targetId: convention.id,
    details: { number: amendment.number, kinds: amendment.kinds, ...details },
  });
}

/**
 * A request of amendment on a validated, signed or complete convention: refused, with every field's reason, when
 * its dates do not hold, when the convention changed since the requester saw it, when another amendment is in
 * progress, or when the convention as amended breaks a rule nobody may override. Otherwise the amendment is stored
 * with the values before and after and its legal findings (warnings and overridable errors go to the office), the
 * original validated PDF is stored first (it never changes), and the parties are told.
 */
export async function requestAmendment(db: Database, request: AmendmentRequest, context: AmendmentContext): Promise<Amendment> {
  return db.transaction(async (tx) => {
    const convention = await amendableConvention(tx, request.actor, request.conventionId);
    if (!isAmendable(convention.state)) throw new AppError(409, 'amendment.errors.notAmendable');
    if (convention.version !== request.version) throw new AppError(409, 'errors.conflict');
    const inProgress = (await amendmentRepository.listForConvention(tx, convention.id)).find(
      (amendment) => amendment.state === 'requested' || amendment.state === 'validated',
    );
    if (inProgress) throw new AppError(409, 'amendment.errors.inProgress', { number: inProgress.number });
    const refusals = amendmentRefusals(termsOf(convention), request.changes);
    if (refusals.length > 0) throw new AmendmentRefused(refusals);
    const { after, findings } = await amendedConvention(tx, convention, request.changes, context.clock.today());
    const blocking = unoverridableErrors(findings);
    if (blocking.length > 0)
      throw new AmendmentRefused(blocking.map((finding) => ({ field: 'legal', key: finding.code, params: finding.params })));
    await storedFinalPdf(tx, convention, context.institution, `convention-${convention.reference ?? convention.id}.pdf`, context.renderer);
    // The optimistic lock: two requests on the same version, one of them wins.
    const locked = await conventionRepository.update(tx, convention.id, request.version, {});
    const amendment = await amendmentRepository.create(tx, {
      conventionId: convention.id,
      kinds: kindsOf(request.changes),
      changes: request.changes as Record<string, unknown>,
      before: valuesOf(convention) as unknown as Record<string, unknown>,
      after: after as unknown as Record<string, unknown>,
      legalFindings: findings,
      conventionVersion: request.version,
      requestedByUserId: request.actor.userId,
      requestedByRole: request.actor.role,
      programmeAgreement: needsProgrammeAgreement(request.changes) ? 'pending' : null,
    });
    await recordAmendmentStep(tx, locked, amendment, request.actor, 'requested', context.clock.now());
    await queueAmendmentMails(tx, locked, amendment, 'requested', context.officeEmail);
    if (amendment.programmeAgreement === 'pending') await queueProgrammeAgreementMails(tx, locked, amendment);
    return amendment;
  });
}
