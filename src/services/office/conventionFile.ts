import { generatedDocumentRepository } from '../../models/generatedDocumentRepository';
import { hostAttestationRepository } from '../../models/evaluationRepository';
import { outboxRepository } from '../../models/outboxRepository';
import { signatureRequestRepository } from '../../models/signatureRequestRepository';
import { attestationRefusal, lastDayOf } from '../../domain/internshipEnd';
import { availableEvents } from '../../domain/workflow';
import type { Finding } from '../../domain/legal/finding';
import { auditRepository } from '../../models/auditRepository';
import type { Executor } from '../../models/database';
import { teacherRepository } from '../../models/teacherRepository';
import { userRepository, type User } from '../../models/userRepository';
import type { FrozenConventionSnapshot } from '../conventions/frozenSnapshot';
import { reviewedCumulationFlags } from './cumulationReviews';
import { detailsOf, legalFindings } from '../student/conventionDetails';
import { effectiveAcademicTutorId, validationBlockers } from './blockers';
import { conventionOrNotFound } from './officeCommand';
import { signatureFacts, validatedOn } from './signatureFacts';
import { conventionHistory } from '../conventions/history';

/**
 * Everything the office sees on one convention. Once validated, the host, service and contacts are read from
 * the frozen snapshot (what the signed document says), not from the organisation records.
 */
export async function loadConventionFile(db: Executor, conventionId: number, today: string) {
  const convention = await conventionOrNotFound(db, conventionId);
  const details = await detailsOf(db, convention);
  const frozen = convention.frozenSnapshot as unknown as FrozenConventionSnapshot | null;
  const parties = frozen
    ? {
        organisation: frozen.organisation,
        service: frozen.service,
        professionalTutor: frozen.professionalTutor,
        signatory: frozen.signatory,
        academicTutor: frozen.academicTutor,
      }
    : {
        organisation: details.organisation,
        service: details.service,
        professionalTutor: details.professionalTutor,
        signatory: details.signatory,
        academicTutor: details.academicTutor,
      };
  const live = ['draft', 'submitted'].includes(convention.state);
  const findings = (live ? await legalFindings(db, details, today) : null) ?? (convention.legalFindings as Finding[]);
  const events = await conventionHistory(db, convention.id);
  const audit = await auditRepository.listForTarget(db, 'convention', convention.id);
  const facts = await signatureFacts(db, convention);
  const assignedTutor = details.subject?.academicTutorId
    ? await teacherRepository.findById(db, details.subject.academicTutorId)
    : undefined;
  const actorIds = [
    ...new Set(
      [...events.map((event) => event.actorUserId), ...audit.map((entry) => entry.actorUserId)].filter((id): id is number => id !== null),
    ),
  ];
  const actors = new Map<number, User>();
  for (const id of actorIds) {
    const user = await userRepository.findById(db, id);
    if (user) actors.set(id, user);
  }
  const signatureRequests = await signatureRequestRepository.listForConvention(db, convention.id);
  return {
    ...details,
    ...parties,
    frozen,
    studentUser: await userRepository.findById(db, convention.studentUserId),
    assignedTutor,
    findings,
    /** What later conventions of the student at the same host change for this one (re-check on read). */
    cumulationFlags: (await reviewedCumulationFlags(db, [convention])).get(convention.id) ?? [],
    events,
    audit,
    actorName: (id: number | null) => (id === null ? '' : (actors.get(id)?.name ?? `#${id}`)),
    signatures: facts.signatures,
    signatories: facts.signatories,
    missingParties: facts.parties.filter((party) => !facts.signedParties.includes(party)),
    certificate: facts.certificate,
    validatedOn: await validatedOn(db, convention.id),
    attestationRefusal: attestationRefusal(convention, today),
    attestationScanned: Boolean((await hostAttestationRepository.find(db, convention.id))?.scanDocumentId),
    lastDay: lastDayOf(convention),
    blockers:
      convention.state === 'submitted'
        ? validationBlockers({
            subjectState: details.subject?.state ?? null,
            academicTutorId: effectiveAcademicTutorId(details.subject?.academicTutorId, convention.academicTutorId),
            organisationValidated: details.organisation?.validated ?? null,
            findings,
          })
        : [],
    actions: availableEvents(convention.state, 'office'),
    /** The electronic circuit: each personal request (never its link), and the sealed PDF once made. */
    signatureRequests,
    /** Pending requests whose mail could not be delivered (a refused or unknown address): the office corrects it. */
    signatureMailFailures: await outboxRepository.signatureMailFailures(
      db,
      signatureRequests.filter((request) => request.status === 'pending').map((request) => request.id),
    ),
    signedPdf: Boolean(await generatedDocumentRepository.findForConvention(db, convention.id, 'signed_convention_pdf')),
  };
}

export type ConventionFile = Awaited<ReturnType<typeof loadConventionFile>>;
