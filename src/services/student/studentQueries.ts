import type { Executor } from '../../models/database';
import { conventionRepository, type Convention } from '../../models/conventionRepository';
import { findStudentConventionPage, type StudentConventionPage } from '../../models/conventionReferencesRepository';
import { documentRepository } from '../../models/documentRepository';
import { organisationRepository } from '../../models/organisationRepository';
import { programmeRepository } from '../../models/programmeRepository';
import { subjectRepository } from '../../models/subjectRepository';
import { teacherRepository } from '../../models/teacherRepository';
import { certificateConventions } from './certificate';

export { conventionHistory } from '../conventions/history';

/** What the student's pages read, each scoped to the student (another student's rows are never found). */

export function studentProgrammes(db: Executor, userId: number) {
  return programmeRepository.listForUser(db, userId, 'student');
}

/** The latest event of a draft, which its wizard pages carry so that a losing save can tell who saved meanwhile. */
export function lastDraftEvent(db: Executor, conventionId: number): Promise<number> {
  return conventionRepository.lastEventId(db, conventionId);
}

/** The roles of whoever else (not the student) changed the draft after the event a page saw. */
export function othersWhoChangedDraftSince(db: Executor, conventionId: number, afterEventId: number, studentUserId: number) {
  return conventionRepository.otherActorsSince(db, conventionId, afterEventId, studentUserId);
}

/** A wizard page's draft, what it refers to and its latest event, in one query; another student's is not found. */
export function ownConventionPage(db: Executor, conventionId: number, userId: number): Promise<StudentConventionPage | undefined> {
  return findStudentConventionPage(db, conventionId, userId);
}

export function ownConvention(db: Executor, conventionId: number, userId: number): Promise<Convention | undefined> {
  return conventionRepository.findForStudent(db, conventionId, userId);
}

/** A subject of the student's, with the programme it was proposed in. */
export async function ownSubject(db: Executor, subjectId: number, userId: number) {
  const subject = await subjectRepository.findForStudent(db, subjectId, userId);
  if (!subject) return undefined;
  const conventions = await conventionRepository.listForStudent(db, userId);
  return {
    subject,
    programme: await programmeRepository.findById(db, subject.programmeId),
    /** A convention of the subject's programme is under way: the page no longer invites to start one. */
    hasConvention: conventions.some((convention) => convention.programmeId === subject.programmeId && convention.state !== 'cancelled'),
  };
}

/** The host organisations a student can pick from, found by name, SIRET, city or country. */
export function searchOrganisations(db: Executor, criteria: Parameters<typeof organisationRepository.search>[1]) {
  return organisationRepository.search(db, { ...criteria, country: criteria.country?.toUpperCase() });
}

export function organisationServices(db: Executor, organisationId: number) {
  return organisationRepository.listServices(db, organisationId);
}

export function organisationContacts(db: Executor, organisationId: number) {
  return organisationRepository.listContacts(db, organisationId);
}

/**
 * The academic tutors a student may choose in a programme: its teachers (with the one the programme head assigned
 * to the subject, even from elsewhere) and the course's staff not yet known as teachers.
 */
export async function academicTutorChoices(db: Executor, programmeId: number, assignedId: number | null) {
  const teachers = await teacherRepository.listForProgramme(db, programmeId);
  const assigned = assignedId ? await teacherRepository.findById(db, assignedId) : undefined;
  if (assigned && !teachers.some((teacher) => teacher.id === assigned.id)) teachers.unshift(assigned);
  const staff = (await programmeRepository.listMembers(db, programmeId, 'staff')).filter(
    (user) => !teachers.some((teacher) => teacher.userId === user.id),
  );
  return { teachers, staff };
}

/** The certificate page: the student's certificates (with the convention each covers) and the conventions one can be uploaded for. */
export async function certificatePage(db: Executor, userId: number) {
  const certificates = await documentRepository.listCertificates(db, userId);
  const references = new Map(
    (await conventionRepository.listForStudent(db, userId)).map((convention) => [
      convention.id,
      convention.reference ?? `#${convention.id}`,
    ]),
  );
  return {
    certificates: certificates.map((certificate) => ({
      ...certificate,
      conventionReference: certificate.conventionId ? references.get(certificate.conventionId) : undefined,
    })),
    choices: await certificateConventions(db, userId),
  };
}

export function ownDocument(db: Executor, documentId: number, userId: number) {
  return documentRepository.findOwned(db, documentId, userId);
}
