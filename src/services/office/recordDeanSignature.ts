import type { Clock } from '../../clock';
import { missingSignatures } from '../../domain/workflow';
import { AppError } from '../../errors';
import { enqueueNotification } from '../../mail/enqueueNotification';
import type { Database } from '../../models/database';
import { organisationRepository } from '../../models/organisationRepository';
import { signatureRepository } from '../../models/signatureRepository';
import { teacherRepository } from '../../models/teacherRepository';
import { userRepository } from '../../models/userRepository';
import { signatureRequestRepository } from '../../models/signatureRequestRepository';
import type { CircuitContext } from '../signature/requestSignatures';
import { sealIfComplete } from '../signature/sealConvention';
import { fireConventionEvent } from '../conventions/conventionTransition';
import type { FrozenConventionSnapshot } from '../conventions/frozenSnapshot';
import { checkSignatureDate } from './fieldError';
import { lockedConvention, studentPath, type OfficeCommand } from './officeCommand';
import { signatureFacts, validatedOn } from './signatureFacts';

/**
 * The last control: every party has signed and the certificate is accepted, then the office records the
 * dean's signature and the convention is complete. The student and the academic tutor are told.
 */
export async function recordDeanSignature(
  db: Database,
  command: OfficeCommand & { signedAt: string },
  clock: Clock,
  /** Given, a convention that went through the electronic circuit is sealed once the dean's paper signature is in. */
  circuit?: Pick<CircuitContext, 'config'>,
) {
  return db.transaction(async (tx) => {
    const convention = await lockedConvention(tx, command);
    const facts = await signatureFacts(tx, convention);
    // Still validated: the workflow would only say "not possible now"; the office needs to know what is missing.
    const missing = missingSignatures(facts);
    if (convention.state === 'validated' && missing.length > 0)
      throw new AppError(409, 'workflow.error.signaturesMissing', { count: missing.length, parties: missing.join(',') });
    if (convention.state === 'signed_by_parties') checkSignatureDate(command.signedAt, clock.today(), await validatedOn(tx, convention.id));
    const updated = await fireConventionEvent({
      tx,
      convention,
      version: command.version,
      event: { type: 'final_check' },
      actor: 'office',
      actorUserId: command.officeUserId,
      at: clock.now(),
      facts: {
        signedParties: facts.signedParties,
        minorStudent: facts.minorStudent,
        certificateAccepted: facts.certificateAccepted,
        deanSignatureRecorded: true,
      },
    });
    // The dean may have signed from their link before the certificate was accepted: that signature stands.
    if (!facts.deanSignatureRecorded)
      await signatureRepository.create(tx, {
        conventionId: convention.id,
        party: 'dean',
        signedAt: command.signedAt,
        method: 'paper',
        recordedBy: command.officeUserId,
      });
    const frozen = convention.frozenSnapshot as unknown as FrozenConventionSnapshot | null;
    const organisationName =
      frozen?.organisation?.name ??
      (convention.organisationId ? (await organisationRepository.findById(tx, convention.organisationId))?.name : '') ??
      '';
    const student = await userRepository.findById(tx, convention.studentUserId);
    const data = {
      reference: updated.reference ?? '',
      studentName: student?.name ?? '',
      organisationName,
      startDate: updated.startDate ?? '',
      endDate: updated.endDate ?? '',
    };
    await enqueueNotification(tx, {
      template: 'conventionComplete',
      to: { email: student?.email, name: student?.name ?? '', locale: student?.locale },
      data: { ...data, recipientRole: 'student', path: studentPath(updated.id) },
      dedupeKey: `conventionComplete:${updated.id}:student`,
    });
    const tutor = updated.academicTutorId ? await teacherRepository.findById(tx, updated.academicTutorId) : undefined;
    const tutorUser = tutor?.userId ? await userRepository.findById(tx, tutor.userId) : undefined;
    if (tutor) {
      await enqueueNotification(tx, {
        template: 'conventionComplete',
        to: { email: tutor.email, name: `${tutor.firstName} ${tutor.lastName}`, locale: tutorUser?.locale },
        // The convention's page in the programme, where the referent (a programme member) reads it.
        data: { ...data, recipientRole: 'academicTutor', path: `/programme/${updated.programmeId}/conventions/${updated.id}` },
        dedupeKey: `conventionComplete:${updated.id}:academicTutor`,
      });
    }
    if (circuit && (await signatureRequestRepository.listForConvention(tx, updated.id)).length > 0)
      await sealIfComplete(tx, updated, { config: circuit.config, clock });
    return updated;
  });
}
