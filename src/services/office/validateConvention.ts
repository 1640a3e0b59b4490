import type { Clock } from '../../clock';
import type { Finding } from '../../domain/legal/finding';
import { partiesToSign, type SignatureParty } from '../../domain/signatories';
import type { ConventionParty } from '../../mail/notificationTypes';
import { enqueueNotification } from '../../mail/enqueueNotification';
import type { Database } from '../../models/database';
import { userRepository } from '../../models/userRepository';
import { fireConventionEvent } from '../conventions/conventionTransition';
import { buildFrozenSnapshot } from '../conventions/frozenSnapshot';
import { signatoryContextOf } from '../conventions/signatories';
import { detailsOf, legalFindings } from '../student/conventionDetails';
import { lockedConvention, studentPath, type OfficeCommand } from './officeCommand';
import { effectiveAcademicTutorId } from './blockers';
import { signatureFacts } from './signatureFacts';

const fullName = (person: { firstName: string; lastName: string } | undefined) =>
  person ? `${person.firstName} ${person.lastName}` : undefined;

const mailParties: Record<SignatureParty, ConventionParty> = {
  student: 'student',
  legal_representative: 'legalRepresentative',
  host_signatory: 'hostSignatory',
  professional_tutor: 'professionalTutor',
  academic_tutor: 'academicTutor',
};

/**
 * The office validates a submitted convention: the workflow checks the subject, the referent (the programme
 * head's, or else the student's choice), the host and the legal findings (evaluated again today; an override needs
 * a reason, kept in the history). That referent becomes the convention's, and the parties are frozen.
 */
export async function validateConvention(db: Database, command: OfficeCommand & { overrideReason: string | null }, clock: Clock) {
  return db.transaction(async (tx) => {
    const convention = await lockedConvention(tx, command);
    const details = await detailsOf(tx, convention);
    const findings = (await legalFindings(tx, details, clock.today())) ?? (convention.legalFindings as Finding[]);
    const academicTutorId = effectiveAcademicTutorId(details.subject?.academicTutorId, convention.academicTutorId);
    const toFreeze = { ...convention, academicTutorId };
    const frozenSnapshot = await buildFrozenSnapshot(tx, toFreeze, clock.now());
    const overrideReason = command.overrideReason?.trim() || undefined;
    const updated = await fireConventionEvent({
      tx,
      convention,
      version: command.version,
      event: { type: 'validate', ...(overrideReason ? { overrideReason } : {}) },
      actor: 'office',
      actorUserId: command.officeUserId,
      at: clock.now(),
      changes: {
        academicTutorId: toFreeze.academicTutorId,
        legalFindings: findings,
        frozenSnapshot: frozenSnapshot as unknown as Record<string, unknown>,
      },
      facts: {
        subjectValidated: details.subject?.state === 'validated',
        academicTutorAssigned: academicTutorId !== null,
        hostOrganisationValidated: details.organisation?.validated === true,
        findings,
      },
    });
    const student = await userRepository.findById(tx, convention.studentUserId);
    const { certificate } = await signatureFacts(tx, convention);
    await enqueueNotification(tx, {
      template: 'conventionValidated',
      to: { email: student?.email, name: student?.name ?? '', locale: student?.locale },
      data: {
        reference: updated.reference ?? '',
        organisationName: frozenSnapshot.organisation?.name ?? '',
        startDate: updated.startDate ?? '',
        endDate: updated.endDate ?? '',
        signatories: partiesToSign(signatoryContextOf(convention)).map((party) => {
          const person = {
            student: undefined,
            legal_representative: convention.legalRepresentative,
            host_signatory: frozenSnapshot.signatory,
            professional_tutor: frozenSnapshot.professionalTutor,
            academic_tutor: frozenSnapshot.academicTutor,
          }[party];
          return party === 'student' ? { party: mailParties[party] } : { party: mailParties[party], name: fullName(person ?? undefined) };
        }),
        certificateMissing: !certificate || certificate.status === 'rejected',
        path: studentPath(updated.id),
      },
      dedupeKey: `conventionValidated:${updated.id}:v${updated.version}`,
    });
    return updated;
  });
}
