import { enqueueNotification } from '../../mail/enqueueNotification';
import type { Amendment } from '../../models/amendmentRepository';
import type { Convention } from '../../models/conventionRepository';
import type { Executor } from '../../models/database';
import { programmeRepository } from '../../models/programmeRepository';
import { userRepository } from '../../models/userRepository';
import type { FrozenConventionSnapshot } from '../conventions/frozenSnapshot';
import { newSignatoriesOf } from './amendedParties';

export type AmendmentStep = 'requested' | 'agreed' | 'programmeRefused' | 'validated' | 'refused' | 'signed';

export const studentAmendmentsPath = (conventionId: number) => `/student/conventions/${conventionId}/amendments`;
export const officeAmendmentsPath = (conventionId: number) => `/office/conventions/${conventionId}/amendments`;
export const programmeAmendmentPath = (convention: { programmeId: number; id: number }, number: number) =>
  `/programme/${convention.programmeId}/conventions/${convention.id}#amendment-${number}`;

/** The programme's staff are asked to agree to a change of subject or academic referent, before the office decides. */
export async function queueProgrammeAgreementMails(tx: Executor, convention: Convention, amendment: Amendment): Promise<void> {
  for (const member of await programmeRepository.listMembers(tx, convention.programmeId, 'staff'))
    await enqueueNotification(tx, {
      template: 'amendmentStep',
      to: { email: member.email, name: member.name, locale: member.locale },
      data: {
        reference: convention.reference ?? '',
        number: amendment.number,
        step: 'toAgree',
        kinds: amendment.kinds,
        path: programmeAmendmentPath(convention, amendment.number),
      },
      dedupeKey: `amendment:${amendment.id}:toAgree:${member.email}`,
    });
}

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
    ...((step === 'refused' || step === 'programmeRefused') && amendment.refusalReason ? { reason: amendment.refusalReason } : {}),
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
  // The new tutor or referent signs too, and is told once it is in force.
  const others = [frozen?.signatory, frozen?.professionalTutor, frozen?.academicTutor, ...(await newSignatoriesOf(tx, amendment.changes))];
  const told = new Set<string>();
  for (const [index, person] of others.entries()) {
    if (!person?.email || told.has(person.email.toLowerCase())) continue;
    told.add(person.email.toLowerCase());
    await enqueueNotification(tx, {
      template: 'amendmentStep',
      to: { email: person.email, name: `${person.firstName} ${person.lastName}`, locale: 'fr' },
      // They have no space in Pstage: no link to a page they cannot open (the office sends the amendment to sign).
      data: { ...data, path: '' },
      dedupeKey: dedupe(`party${index}`),
    });
  }
}
