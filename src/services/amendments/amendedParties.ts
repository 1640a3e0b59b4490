import type { AmendmentChanges } from '../../domain/amendment';
import type { Convention } from '../../models/conventionRepository';
import type { Executor } from '../../models/database';
import { organisationRepository } from '../../models/organisationRepository';
import { teacherRepository } from '../../models/teacherRepository';
import type { FrozenConventionSnapshot } from '../conventions/frozenSnapshot';

const stored = <T>(row: T) => JSON.parse(JSON.stringify(row)) as never;

/**
 * The convention's columns a signed change of tutor sets: the new professional tutor becomes a contact of the host,
 * the new academic referent the convention's; the frozen parties (what documents and mails print) follow, while
 * the validated PDF, stored before, stays as it was.
 */
export async function amendedPartiesOf(tx: Executor, convention: Convention, changes: AmendmentChanges) {
  if (!changes.professionalTutor && !changes.academicTutor) return {};
  const frozen = { ...(convention.frozenSnapshot as unknown as FrozenConventionSnapshot) };
  const columns: { professionalTutorId?: number; academicTutorId?: number } = {};
  if (changes.professionalTutor && convention.organisationId) {
    const contact = await organisationRepository.createContact(tx, convention.organisationId, changes.professionalTutor);
    columns.professionalTutorId = contact.id;
    frozen.professionalTutor = stored(contact);
  }
  if (changes.academicTutor) {
    const teacher = await teacherRepository.findById(tx, changes.academicTutor.teacherId);
    if (teacher) {
      columns.academicTutorId = teacher.id;
      frozen.academicTutor = stored(teacher);
    }
  }
  return { ...columns, frozenSnapshot: frozen as unknown as Record<string, unknown> };
}

/** Who is new among the people asked to sign: the tutor or referent the amendment names. */
export async function newSignatoriesOf(tx: Executor, changes: AmendmentChanges) {
  const people: { firstName: string; lastName: string; email: string | null }[] = [];
  if (changes.professionalTutor) people.push(changes.professionalTutor);
  if (changes.academicTutor) {
    const teacher = await teacherRepository.findById(tx, changes.academicTutor.teacherId);
    if (teacher) people.push(teacher);
  }
  return people;
}
