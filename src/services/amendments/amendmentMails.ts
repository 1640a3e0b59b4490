import { enqueueNotification } from '../../mail/enqueueNotification';
import type { Amendment } from '../../models/amendmentRepository';
import type { Convention } from '../../models/conventionRepository';
import type { Executor } from '../../models/database';
import { userRepository } from '../../models/userRepository';
import type { FrozenConventionSnapshot } from '../conventions/frozenSnapshot';

export type AmendmentStep = 'requested' | 'validated' | 'refused' | 'signed';

export const studentAmendmentsPath = (conventionId: number) => `/student/conventions/${conventionId}/amendments`;
export const officeAmendmentsPath = (conventionId: number) => `/office/conventions/${conventionId}/amendments`;

/**
 * The mails of one step of an amendment, queued in its transaction: the student and the office at each step; the
 * host's signatory, the professional and academic tutors when it is validated (to sign) and once signed.
 */
export async function queueAmendmentMails(
  tx: Executor,
  convention: Convention,
  amendment: Amendment,
  step: AmendmentStep,
  officeEmail: string,
): Promise<void> {
  const data = {
    reference: convention.reference ?? '',
    number: amendment.number,
    step,
    kinds: amendment.kinds,
    ...(step === 'refused' && amendment.refusalReason ? { reason: amendment.refusalReason } : {}),
  };
  const dedupe = (who: string) => `amendment:${amendment.id}:${step}:${who}`;
  const student = await userRepository.findById(tx, convention.studentUserId);
  await enqueueNotification(tx, {
    template: 'amendmentStep',
    to: { email: student?.email ?? convention.student.email, name: student?.name ?? '', locale: student?.locale },
    data: { ...data, path: studentAmendmentsPath(convention.id) },
    dedupeKey: dedupe('student'),
  });
  await enqueueNotification(tx, {
    template: 'amendmentStep',
    to: { email: officeEmail, name: '', locale: 'fr' },
    data: { ...data, path: officeAmendmentsPath(convention.id) },
    dedupeKey: dedupe('office'),
  });
  if (step !== 'validated' && step !== 'signed') return;
  const frozen = convention.frozenSnapshot as unknown as FrozenConventionSnapshot | null;
  const others = [frozen?.signatory, frozen?.professionalTutor, frozen?.academicTutor];
  for (const [index, person] of others.entries()) {
    if (!person?.email) continue;
    await enqueueNotification(tx, {
      template: 'amendmentStep',
      to: { email: person.email, name: `${person.firstName} ${person.lastName}`, locale: 'fr' },
      data: { ...data, path: '/' },
      dedupeKey: dedupe(`party${index}`),
    });
  }
}
