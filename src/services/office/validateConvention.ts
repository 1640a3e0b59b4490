import type { Clock } from '../../clock';
import type { Finding } from '../../domain/legal/finding';
import { partiesToSign, type Signatory } from '../../domain/signatories';
import { enqueueNotification } from '../../mail/enqueueNotification';
import type { Convention } from '../../models/conventionRepository';
import type { Database, Transaction } from '../../models/database';
import { userRepository } from '../../models/userRepository';
import { fireConventionEvent } from '../conventions/conventionTransition';
import { buildFrozenSnapshot, type FrozenConventionSnapshot } from '../conventions/frozenSnapshot';
import { signatoryContextOf } from '../conventions/signatories';
import { mailPartyOf } from '../signature/circuitParties';
import { sendToSignatories, type SendingContext } from '../signature/sendForSignature';
import { signatoryAddresses } from '../signature/signatoryAddresses';
import { detailsOf, legalFindings } from '../student/conventionDetails';
import { lockedConvention, studentPath, type OfficeCommand } from './officeCommand';
import { effectiveAcademicTutorId } from './blockers';
import { signatureFacts } from './signatureFacts';

const fullName = (person: { firstName: string; lastName: string } | null | undefined) =>
  person ? `${person.firstName} ${person.lastName}` : undefined;

/**
 * The office validates a submitted convention: the workflow checks the subject, the referent (the programme
 * head's, or else the student's choice), the host and the legal findings (evaluated again today; an override needs
 * a reason, kept in the history). That referent becomes the convention's, and the parties are frozen. Given the
 * circuit with SIGNATURE_AUTO_SEND, the convention goes out for electronic signature in the same transaction; the
 * student's mail says which way it is signed.
 */
export async function validateConvention(
  db: Database,
  command: OfficeCommand & { overrideReason: string | null },
  clock: Clock,
  circuit?: Omit<SendingContext, 'clock'>,
) {
  return db.transaction(async (tx) => {
    const { updated, frozenSnapshot } = await validate(tx, command, clock);
    const sent = circuit?.config.signature.autoSend
      ? await sendToSignatories(tx, updated, { ...circuit, clock }, command.officeUserId)
      : [];
    // Sent to nobody (no e-mail known), it is signed on paper; without SIGNATURE_AUTO_SEND the office may still send it.
    await mailValidation(tx, updated, frozenSnapshot, {
      sentOnline: sent.length > 0 ? circuit! : null,
      mayGoOnline: !circuit?.config.signature.autoSend,
    });
    return updated;
  });
}

async function validate(tx: Transaction, command: OfficeCommand & { overrideReason: string | null }, clock: Clock) {
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
  return { updated, frozenSnapshot };
}

/**
 * The student's mail says what happens next as it will happen: sent online (each signatory with an e-mail gets a
 * link, the others sign on paper, the dean online or through the office), or printed and signed on paper, which
 * the office may still send online.
 */
async function mailValidation(
  tx: Transaction,
  updated: Convention,
  frozenSnapshot: FrozenConventionSnapshot,
  circuit: { sentOnline: Omit<SendingContext, 'clock'> | null; mayGoOnline: boolean },
) {
  const student = await userRepository.findById(tx, updated.studentUserId);
  const { certificate } = await signatureFacts(tx, updated);
  const parties = partiesToSign(signatoryContextOf(updated));
  const person = (party: Signatory) =>
    ({
      student: undefined,
      legal_representative: updated.legalRepresentative,
      host_signatory: frozenSnapshot.signatory,
      professional_tutor: frozenSnapshot.professionalTutor,
      academic_tutor: frozenSnapshot.academicTutor,
      dean: undefined,
    })[party];
  const named = (party: Signatory) =>
    party === 'student' ? { party: mailPartyOf(party) } : { party: mailPartyOf(party), name: fullName(person(party)) };
  const common = {
    reference: updated.reference ?? '',
    organisationName: frozenSnapshot.organisation?.name ?? '',
    startDate: updated.startDate ?? '',
    endDate: updated.endDate ?? '',
    certificateMissing: !certificate || certificate.status === 'rejected',
    path: studentPath(updated.id),
  };
  const online = circuit.sentOnline;
  if (online) {
    const addresses = await signatoryAddresses(tx, updated, online.config);
    const withEmail = (party: Signatory) => Boolean(addresses.get(party)?.email);
    await enqueueNotification(tx, {
      template: 'conventionValidated',
      to: { email: student?.email, name: student?.name ?? '', locale: student?.locale },
      data: {
        ...common,
        circuit: 'online',
        signatories: parties.filter((party) => party !== 'student' && withEmail(party)).map(named),
        paperSignatories: parties.filter((party) => !withEmail(party)).map(named),
        studentOnline: withEmail('student'),
        deanOnline: Boolean(online.config.signature.deanEmail),
      },
      dedupeKey: `conventionValidated:${updated.id}:v${updated.version}`,
    });
    return;
  }
  await enqueueNotification(tx, {
    template: 'conventionValidated',
    to: { email: student?.email, name: student?.name ?? '', locale: student?.locale },
    data: { ...common, circuit: 'paper', signatories: parties.map(named), mayGoOnline: circuit.mayGoOnline },
    dedupeKey: `conventionValidated:${updated.id}:v${updated.version}`,
  });
}
