import { certificateReviewableStates } from '../../domain/conventionStatus';
import { AppError } from '../../errors';
import { enqueueNotification } from '../../mail/enqueueNotification';
import { auditRepository } from '../../models/auditRepository';
import { conventionRepository } from '../../models/conventionRepository';
import type { Database } from '../../models/database';
import { documentRepository } from '../../models/documentRepository';
import { userRepository } from '../../models/userRepository';
import { completeIfReady } from '../conventions/completeConvention';
import type { CircuitContext } from '../signature/requestSignatures';
import { fieldError } from './fieldError';
import { lockedConvention, type OfficeCommand } from './officeCommand';

export type CertificateDecision =
  { decision: 'accepted'; documentId: number } | { decision: 'rejected'; documentId: number; reason: string };

/**
 * The office checks the student's civil-liability certificate for the convention's academic year. Not a change
 * of state, but written like one: the convention's version moves (a concurrent decision is a conflict), with a
 * history row and an audit entry; a rejection is mailed to the student with its reason. Accepted last (every
 * party and the dean, from their link, already signed), it completes the convention.
 */
export async function reviewCertificate(db: Database, command: OfficeCommand & CertificateDecision, context: CircuitContext) {
  return db.transaction(async (tx) => {
    const convention = await lockedConvention(tx, command);
    if (!certificateReviewableStates.includes(convention.state))
      throw new AppError(409, 'workflow.error.invalidTransition', { event: 'certificate', state: convention.state });
    const certificate = await documentRepository.findCertificateForConvention(tx, convention.id);
    // The decision applies to the file the office looked at: a newer upload since then is a conflict.
    if (!certificate || certificate.id !== command.documentId) throw new AppError(409, 'errors.conflict');
    const reason = command.decision === 'rejected' ? command.reason.trim() : null;
    if (command.decision === 'rejected' && !reason) throw fieldError('reason', 'workflow.error.reasonRequired');
    const updated = await conventionRepository.update(tx, convention.id, command.version, {});
    await documentRepository.setStatus(tx, certificate.id, command.decision, reason);
    const event = command.decision === 'accepted' ? 'certificate_accepted' : 'certificate_rejected';
    await conventionRepository.addEvent(tx, {
      conventionId: convention.id,
      actorUserId: command.officeUserId,
      actorRole: 'office',
      event,
      fromState: convention.state,
      toState: convention.state,
      reason,
    });
    await auditRepository.record(tx, {
      actorUserId: command.officeUserId,
      action: `convention.${event}`,
      targetType: 'convention',
      targetId: convention.id,
      details: { documentId: certificate.id, ...(reason ? { reason } : {}) },
    });
    if (command.decision === 'rejected') {
      const student = await userRepository.findById(tx, convention.studentUserId);
      await enqueueNotification(tx, {
        template: 'certificateRejected',
        to: { email: student?.email, name: student?.name ?? '', locale: student?.locale },
        data: { reference: convention.reference ?? '', reason: reason!, path: '/student/certificate' },
        dedupeKey: `certificateRejected:${certificate.id}:${convention.id}:v${updated.version}`,
      });
      return updated;
    }
    return completeIfReady({ tx, convention: updated, actor: 'office', actorUserId: command.officeUserId, context });
  });
}
