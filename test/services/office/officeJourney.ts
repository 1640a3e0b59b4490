import { and, eq } from 'drizzle-orm';
import { conventions, documents, organisations, subjects, users } from '../../../src/models/schema';
import { uploadCertificate } from '../../../src/services/student/certificate';
import { testClock } from '../../support/clock';
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
  await db.update(subjects).set({ state: 'validated', decidedAt: testClock.now(), academicTutorId: submitted.convention.academicTutorId }).where(eq(subjects.id, submitted.convention.subjectId!));
  await db.update(organisations).set({ validated: true }).where(eq(organisations.id, submitted.convention.organisationId!));
  return submitted;
}

export async function reload(pstage: TestPstage, conventionId: number) {
  const [row] = await pstage.database.db.select().from(conventions).where(eq(conventions.id, conventionId));
  return row;
}

/** The student uploads a certificate for the convention, through the upload use case (the form is tested in the student's tests). */
export async function storeCertificate(pstage: TestPstage, convention: { id: number; studentUserId: number }) {
  const uploaded = await uploadCertificate(pstage.database.db, convention.studentUserId, convention.id, { originalname: 'attestation.pdf', buffer: Buffer.from('%PDF-1.4\n%') });
  if (!uploaded.ok) throw new Error(`storeCertificate: ${JSON.stringify(uploaded.errors)}`);
  return uploaded.document;
}

export async function certificateOf(pstage: TestPstage, id: number) {
  const [row] = await pstage.database.db.select().from(documents).where(and(eq(documents.id, id)));
  return row;
}
