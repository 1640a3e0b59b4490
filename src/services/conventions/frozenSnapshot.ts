import type { Convention } from '../../models/conventionRepository';
import type { Executor } from '../../models/database';
import { organisationRepository, type Contact, type Organisation, type Service } from '../../models/organisationRepository';
import { programmeRepository } from '../../models/programmeRepository';
import { teacherRepository, type Teacher } from '../../models/teacherRepository';

type Stored<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/**
 * The parties of a convention as they stood when the office validated it (DESIGN.md §3): a later edit or
 * merge of the organisation record never changes a validated legal document. The final PDF is built from it.
 */
export interface FrozenConventionSnapshot {
  frozenAt: string;
  programme: { title: string; teachingHours: number | null };
  organisation: Stored<Organisation> | null;
  service: Stored<Service> | null;
  professionalTutor: Stored<Contact> | null;
  signatory: Stored<Contact> | null;
  academicTutor: Stored<Teacher> | null;
}

const stored = <T>(row: T | undefined): Stored<T> | null => (row ? (JSON.parse(JSON.stringify(row)) as Stored<T>) : null);

export async function buildFrozenSnapshot(db: Executor, convention: Convention, now = new Date()): Promise<FrozenConventionSnapshot> {
  const programme = await programmeRepository.findById(db, convention.programmeId);
  return {
    frozenAt: now.toISOString(),
    programme: { title: programme?.title ?? '', teachingHours: programme?.teachingHours ?? null },
    organisation: stored(convention.organisationId ? await organisationRepository.findById(db, convention.organisationId) : undefined),
    service: stored(convention.serviceId ? await organisationRepository.findServiceById(db, convention.serviceId) : undefined),
    professionalTutor: stored(
      convention.professionalTutorId ? await organisationRepository.findContactById(db, convention.professionalTutorId) : undefined,
    ),
    signatory: stored(convention.signatoryId ? await organisationRepository.findContactById(db, convention.signatoryId) : undefined),
    academicTutor: stored(convention.academicTutorId ? await teacherRepository.findById(db, convention.academicTutorId) : undefined),
  };
}
