import { aliasedTable, and, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Convention } from './conventionRepository';
import type { Executor } from './database';
import { preparedStatement } from './preparedStatements';
import type { Contact, Organisation, Service } from './organisationRepository';
import type { Programme } from './programmeRepository';
import type { Subject } from './subjectRepository';
import type { Teacher } from './teacherRepository';
import { contacts, conventionEvents, conventions, organisations, programmes, services, subjects, teachers } from './schema';

/** The ids a convention refers to, as its row holds them. */
export interface ConventionReferenceIds {
  programmeId: number;
  subjectId: number | null;
  organisationId: number | null;
  serviceId: number | null;
  professionalTutorId: number | null;
  signatoryId: number | null;
  academicTutorId: number | null;
}

export interface ConventionReferences {
  programme: Programme;
  subject: Subject | undefined;
  organisation: Organisation | undefined;
  service: Service | undefined;
  professionalTutor: Contact | undefined;
  signatory: Contact | undefined;
  academicTutor: Teacher | undefined;
}

const professionalTutor = aliasedTable(contacts, 'professional_tutor');
const signatory = aliasedTable(contacts, 'signatory');

/** `column = id`, or nothing to join when the convention has no such reference yet. */
const byId = (column: AnyPgColumn, id: number | null): SQL => (id === null ? sql`false` : eq(column, id));

export const conventionReferencesRepository = {
  /**
   * What a convention refers to (its programme, subject, host, service, contacts and academic tutor) in one query,
   * each a primary-key lookup left-joined to the programme's row: one round trip instead of seven.
   */
  async find(db: Executor, ids: ConventionReferenceIds): Promise<ConventionReferences> {
    const [row] = await db
      .select({
        programme: programmes,
        subject: subjects,
        organisation: organisations,
        service: services,
        professionalTutor,
        signatory,
        academicTutor: teachers,
      })
      .from(programmes)
      .leftJoin(subjects, byId(subjects.id, ids.subjectId))
      .leftJoin(organisations, byId(organisations.id, ids.organisationId))
      .leftJoin(services, byId(services.id, ids.serviceId))
      .leftJoin(professionalTutor, byId(professionalTutor.id, ids.professionalTutorId))
      .leftJoin(signatory, byId(signatory.id, ids.signatoryId))
      .leftJoin(teachers, byId(teachers.id, ids.academicTutorId))
      .where(eq(programmes.id, ids.programmeId));
    return {
      programme: row?.programme as Programme,
      subject: row?.subject ?? undefined,
      organisation: row?.organisation ?? undefined,
      service: row?.service ?? undefined,
      professionalTutor: row?.professionalTutor ?? undefined,
      signatory: row?.signatory ?? undefined,
      academicTutor: row?.academicTutor ?? undefined,
    };
  },
};

/** A student's own convention with what it refers to and the id of its latest event, as a wizard page shows it. */
export interface StudentConventionPage extends ConventionReferences {
  convention: Convention;
  lastEventId: number;
}

const pageProfessionalTutor = aliasedTable(contacts, 'page_professional_tutor');
const pageSignatory = aliasedTable(contacts, 'page_signatory');

/**
 * A wizard page's data in one round trip, built once (a prepared statement): the convention if it is the student's,
 * each reference left-joined by its primary key, and the latest event its forms carry (see the wizard's conflicts).
 */
export async function findStudentConventionPage(
  db: Executor,
  conventionId: number,
  studentUserId: number,
): Promise<StudentConventionPage | undefined> {
  const statement = preparedStatement(db, 'pstage_student_convention_page', (on) =>
    on
      .select({
        convention: conventions,
        programme: programmes,
        subject: subjects,
        organisation: organisations,
        service: services,
        professionalTutor: pageProfessionalTutor,
        signatory: pageSignatory,
        academicTutor: teachers,
        lastEventId: sql<
          string | number | null
        >`(select max(${conventionEvents.id}) from ${conventionEvents} where ${conventionEvents.conventionId} = ${conventions.id})`,
      })
      .from(conventions)
      .leftJoin(programmes, eq(programmes.id, conventions.programmeId))
      .leftJoin(subjects, eq(subjects.id, conventions.subjectId))
      .leftJoin(organisations, eq(organisations.id, conventions.organisationId))
      .leftJoin(services, eq(services.id, conventions.serviceId))
      .leftJoin(pageProfessionalTutor, eq(pageProfessionalTutor.id, conventions.professionalTutorId))
      .leftJoin(pageSignatory, eq(pageSignatory.id, conventions.signatoryId))
      .leftJoin(teachers, eq(teachers.id, conventions.academicTutorId))
      .where(and(eq(conventions.id, sql.placeholder('conventionId')), eq(conventions.studentUserId, sql.placeholder('studentUserId'))))
      .prepare('pstage_student_convention_page'),
  );
  const [row] = await statement.execute({ conventionId, studentUserId });
  if (!row) return undefined;
  return {
    convention: row.convention,
    programme: row.programme as Programme,
    subject: row.subject ?? undefined,
    organisation: row.organisation ?? undefined,
    service: row.service ?? undefined,
    professionalTutor: row.professionalTutor ?? undefined,
    signatory: row.signatory ?? undefined,
    academicTutor: row.academicTutor ?? undefined,
    lastEventId: Number(row.lastEventId ?? 0),
  };
}
