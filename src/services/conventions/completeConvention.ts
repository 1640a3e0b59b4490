import { missingSignatures } from '../../domain/workflow';
import { enqueueNotification } from '../../mail/enqueueNotification';
import type { Convention } from '../../models/conventionRepository';
import type { Transaction } from '../../models/database';
import { organisationRepository } from '../../models/organisationRepository';
import { signatureRequestRepository } from '../../models/signatureRequestRepository';
import { teacherRepository } from '../../models/teacherRepository';
import { userRepository } from '../../models/userRepository';
import { studentPath } from '../office/officeCommand';
import { signatureFacts } from '../office/signatureFacts';
import type { CircuitContext } from '../signature/requestSignatures';
import { sealIfComplete } from '../signature/sealConvention';
import { fireConventionEvent } from './conventionTransition';
import type { FrozenConventionSnapshot } from './frozenSnapshot';

export interface Completion {
  tx: Transaction;
  /** In signed_by_parties, with the dean's signature already written in this transaction. */
  convention: Convention;
  actor: 'office' | 'signatory';
  /** null: the dean signing from their personal link. */
  actorUserId: number | null;
  context: CircuitContext;
}

/**
 * The one way a convention becomes complete, whichever step came last (the dean's signature recorded by the office
 * or given from the dean's link, the certificate accepted after the dean signed): the workflow's final check, the
 * student's and the referent's mails, and, when the convention went through the electronic circuit, its seal.
 */
export async function completeConvention({ tx, convention, actor, actorUserId, context }: Completion): Promise<Convention> {
  const facts = await signatureFacts(tx, convention);
  const updated = await fireConventionEvent({
    tx,
    convention,
    version: convention.version,
    event: { type: 'final_check' },
    actor,
    actorUserId,
    at: context.clock.now(),
    facts: {
      signedParties: facts.signedParties,
      minorStudent: facts.minorStudent,
      certificateAccepted: facts.certificateAccepted,
      deanSignatureRecorded: facts.deanSignatureRecorded,
    },
  });
  await mailCompletion(tx, updated);
  // A convention signed only on paper has its paper originals; one with personal links gets the sealed PDF.
  if ((await signatureRequestRepository.listForConvention(tx, updated.id)).length > 0) await sealIfComplete(tx, updated, context);
  return updated;
}

/** Completes the convention when nothing is missing any more (every signature, the dean's, the certificate); else leaves it. */
export async function completeIfReady(completion: Completion): Promise<Convention> {
  const { tx, convention } = completion;
  if (convention.state !== 'signed_by_parties') return convention;
  const facts = await signatureFacts(tx, convention);
  if (missingSignatures(facts).length > 0 || !facts.certificateAccepted || !facts.deanSignatureRecorded) return convention;
  return completeConvention(completion);
}

/** The student and the academic referent are told, each with a link to the convention where they read it. */
async function mailCompletion(tx: Transaction, convention: Convention) {
  const frozen = convention.frozenSnapshot as unknown as FrozenConventionSnapshot | null;
  const organisationName =
    frozen?.organisation?.name ??
    (convention.organisationId ? (await organisationRepository.findById(tx, convention.organisationId))?.name : '') ??
    '';
  const student = await userRepository.findById(tx, convention.studentUserId);
  const data = {
    reference: convention.reference ?? '',
    studentName: student?.name ?? '',
    organisationName,
    startDate: convention.startDate ?? '',
    endDate: convention.endDate ?? '',
  };
  await enqueueNotification(tx, {
    template: 'conventionComplete',
    to: { email: student?.email, name: student?.name ?? '', locale: student?.locale },
    data: { ...data, recipientRole: 'student', path: studentPath(convention.id) },
    dedupeKey: `conventionComplete:${convention.id}:student`,
  });
  const tutor = convention.academicTutorId ? await teacherRepository.findById(tx, convention.academicTutorId) : undefined;
  if (!tutor) return;
  const tutorUser = tutor.userId ? await userRepository.findById(tx, tutor.userId) : undefined;
  await enqueueNotification(tx, {
    template: 'conventionComplete',
    to: { email: tutor.email, name: `${tutor.firstName} ${tutor.lastName}`, locale: tutorUser?.locale },
    // The convention's page in the programme, where the referent (a programme member) reads it.
    data: { ...data, recipientRole: 'academicTutor', path: `/programme/${convention.programmeId}/conventions/${convention.id}` },
    dedupeKey: `conventionComplete:${convention.id}:academicTutor`,
  });
}
