import { and, eq } from 'drizzle-orm';
import { academicYearOf } from '../../../src/domain/academicYear';
import { conventions, documents, organisations, subjects, users } from '../../../src/models/schema';
import { todayIso } from '../../../src/services/student/today';
import type { TestPstage } from '../../support/pstage';
import { submitConventionAsStudent } from '../../support/studentJourney';

/** The office persona launches once, so that its user exists; returns its client and user id. */
export async function launchOffice(pstage: TestPstage) {
  const launched = await pstage.launch('office', 'office');
  const [user] = await pstage.database.db.select().from(users).where(eq(users.email, 'stages@univ.example.fr'));
  return { ...launched, officeUserId: user.id };
}

/**
 * A submitted convention with everything the office needs to validate it: the subject validated by the
 * programme head with the student's tutor assigned, and the host validated (set in the database: the
 * programme panel and the organisations pages are not what these tests are about).
 */
export async function conventionReadyToValidate(pstage: TestPstage, options: Parameters<typeof submitConventionAsStudent>[1] = {}) {
  const submitted = await submitConventionAsStudent(pstage, options);
  const db = pstage.database.db;
  await db.update(subjects).set({ state: 'validated', decidedAt: new Date(), academicTutorId: submitted.convention.academicTutorId }).where(eq(subjects.id, submitted.convention.subjectId!));
  await db.update(organisations).set({ validated: true }).where(eq(organisations.id, submitted.convention.organisationId!));
  return submitted;
}

export async function reload(pstage: TestPstage, conventionId: number) {
  const [row] = await pstage.database.db.select().from(conventions).where(eq(conventions.id, conventionId));
  return row;
}

/** A certificate as if the student had uploaded it this academic year (the upload itself is tested in the student's tests). */
export async function storeCertificate(pstage: TestPstage, studentUserId: number, academicYear = academicYearOf(todayIso())) {
  const [row] = await pstage.database.db
    .insert(documents)
    .values({ ownerUserId: studentUserId, kind: 'civil_liability', filename: 'attestation.pdf', contentType: 'application/pdf', size: 10, bytes: Buffer.from('%PDF-1.4\n%'), sha256: 'x'.repeat(64), status: 'submitted', academicYear })
    .returning();
  return row;
}

export async function certificateOf(pstage: TestPstage, id: number) {
  const [row] = await pstage.database.db.select().from(documents).where(and(eq(documents.id, id)));
  return row;
}
