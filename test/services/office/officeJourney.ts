import { and, eq } from 'drizzle-orm';
import { partiesToSign, type SignatureParty } from '../../../src/domain/signatories';
import { signatoryContextOf } from '../../../src/services/conventions/signatories';
import type { Convention } from '../../../src/models/conventionRepository';
import { documentRepository } from '../../../src/models/documentRepository';
import { conventions, documents, organisations, subjects, users } from '../../../src/models/schema';
import { validateOrganisation } from '../../../src/services/office/admin/organisations';
import { recordDeanSignature } from '../../../src/services/office/recordDeanSignature';
import { recordInternshipEnd, type InternshipEndRecord } from '../../../src/services/office/recordInternshipEnd';
import { recordSignature } from '../../../src/services/office/recordSignature';
import { reviewCertificate } from '../../../src/services/office/reviewCertificate';
import { validateConvention } from '../../../src/services/office/validateConvention';
import { decideSubjects } from '../../../src/services/programme/subjectDecisions';
import { assignTutor } from '../../../src/services/programme/tutors';
import { uploadCertificate } from '../../../src/services/student/certificate';
import { testClock, type MovableClock } from '../../support/clock';
import type { JourneyTarget } from '../../support/pstage';
import { loadConfig } from '../../../src/config';
import { submitConventionAsStudent } from '../../support/studentJourney';

/** The office persona launches once, so that its user exists; returns its client and user id. */
export async function launchOffice(pstage: JourneyTarget) {
  const launched = await pstage.launch('office', 'office');
  const [user] = await pstage.database.db.select().from(users).where(eq(users.email, 'stages@univ.example.fr'));
  return { ...launched, officeUserId: user.id };
}

/**
 * A submitted convention with everything the office needs to validate it: the subject validated by the
 * programme head with the student's tutor assigned, and the host validated (set in the database: the
 * programme panel and the organisations pages are not what these tests are about).
 */
export async function conventionReadyToValidate(pstage: JourneyTarget, options: Parameters<typeof submitConventionAsStudent>[1] = {}) {
  const submitted = await submitConventionAsStudent(pstage, options);
  const db = pstage.database.db;
  await db
    .update(subjects)
    .set({ state: 'validated', decidedAt: testClock.now(), academicTutorId: submitted.convention.academicTutorId })
    .where(eq(subjects.id, submitted.convention.subjectId!));
  await db.update(organisations).set({ validated: true }).where(eq(organisations.id, submitted.convention.organisationId!));
  return submitted;
}

export async function reload(pstage: JourneyTarget, conventionId: number) {
  const [row] = await pstage.database.db.select().from(conventions).where(eq(conventions.id, conventionId));
  return row;
}

/** The student uploads a certificate for the convention, through the upload use case (the form is tested in the student's tests). */
export async function storeCertificate(pstage: JourneyTarget, convention: { id: number; studentUserId: number }) {
  const uploaded = await uploadCertificate(pstage.database.db, convention.studentUserId, convention.id, {
    originalname: 'attestation.pdf',
    buffer: Buffer.from('%PDF-1.4\n%'),
  });
  if (!uploaded.ok) throw new Error(`storeCertificate: ${JSON.stringify(uploaded.errors)}`);
  return uploaded.document;
}

export async function certificateOf(pstage: JourneyTarget, id: number) {
  const [row] = await pstage.database.db
    .select()
    .from(documents)
    .where(and(eq(documents.id, id)));
  return row;
}

/** The user of a persona, launched once (a launch is what makes a user and their roles) and then reused. */
async function launchedUserId(pstage: JourneyTarget, persona: string, link: string, email: string): Promise<number> {
  const byEmail = () => pstage.database.db.select().from(users).where(eq(users.email, email));
  const [known] = await byEmail();
  if (known) return known.id;
  await pstage.launch(persona, link);
  const [user] = await byEmail();
  return user.id;
}

/**
 * What the office's use cases need around the signature circuit: the app's configuration (a test default for a
 * Pstage in another process), the tests' clock.
 */
export const circuitOf = (pstage: JourneyTarget) => ({
  config: pstage.services?.config ?? loadConfig({ NODE_ENV: 'test', DATA_DIR: '/tmp/pstage-test-data' }),
  clock: testClock,
});

const officeUserIdOf = (pstage: JourneyTarget) => launchedUserId(pstage, 'office', 'office', 'stages@univ.example.fr');

/**
 * Everything the validation needs, decided through the use cases of those who decide it: the programme head
 * (Jean Dupont, M1 Informatique) gives the subject the tutor the student named and validates it; the office
 * validates the host and then the convention, which freezes its parties.
 */
export async function validateAsOffice(pstage: JourneyTarget, conventionId: number): Promise<Convention> {
  const { db } = pstage.database;
  const convention = await reload(pstage, conventionId);
  const headUserId = await launchedUserId(pstage, 'jean-dupont', 'm1-info', 'jean.dupont@univ.example.fr');
  const { programmeId, studentUserId } = convention;
  await assignTutor(db, {
    programmeId,
    actorUserId: headUserId,
    tutor: `teacher:${convention.academicTutorId}`,
    studentIds: [studentUserId],
  });
  await decideSubjects(db, { programmeId, actorUserId: headUserId, subjectIds: [convention.subjectId!], decision: 'validate' }, testClock);
  const officeUserId = await officeUserIdOf(pstage);
  const [host] = await db.select().from(organisations).where(eq(organisations.id, convention.organisationId!));
  await validateOrganisation(db, officeUserId, host.id, host.version);
  const { version } = await reload(pstage, conventionId);
  return validateConvention(db, { officeUserId, conventionId, version, overrideReason: null }, testClock);
}

/** The office records signed originals received today, one party after the other: by default every party the convention needs. */
export async function recordSignaturesAsOffice(
  pstage: JourneyTarget,
  conventionId: number,
  parties?: readonly SignatureParty[],
): Promise<Convention> {
  const officeUserId = await officeUserIdOf(pstage);
  for (const party of parties ?? partiesToSign(signatoryContextOf(await reload(pstage, conventionId)))) {
    const { version } = await reload(pstage, conventionId);
    await recordSignature(
      pstage.database.db,
      { officeUserId, conventionId, version, party, signedAt: testClock.today(), method: 'paper' },
      testClock,
    );
  }
  return reload(pstage, conventionId);
}

/** The student's certificate for the convention, uploaded and accepted by the office (unless it already is). */
export async function acceptCertificateAsOffice(pstage: JourneyTarget, conventionId: number): Promise<Convention> {
  const convention = await reload(pstage, conventionId);
  const current = await documentRepository.findCertificateForConvention(pstage.database.db, conventionId);
  if (current?.status === 'accepted') return convention;
  const officeUserId = await officeUserIdOf(pstage);
  const certificate = await storeCertificate(pstage, convention);
  return reviewCertificate(
    pstage.database.db,
    {
      officeUserId,
      conventionId,
      version: convention.version,
      decision: 'accepted',
      documentId: certificate.id,
    },
    circuitOf(pstage),
  );
}

/** After validation: every party's signature (a minor's legal representative's too), the certificate accepted, then the dean's signature: the convention is complete. */
export async function completeAsOffice(pstage: JourneyTarget, conventionId: number): Promise<Convention> {
  await recordSignaturesAsOffice(pstage, conventionId);
  const { version } = await acceptCertificateAsOffice(pstage, conventionId);
  const officeUserId = await officeUserIdOf(pstage);
  return recordDeanSignature(pstage.database.db, { officeUserId, conventionId, version, signedAt: testClock.today() }, circuitOf(pstage));
}

/**
 * At the end of a complete convention (the clock moved to its last day): the office records the actual presence
 * and the total gratification paid, from which the attestation de stage is printed.
 */
export async function endInternshipAsOffice(
  pstage: JourneyTarget,
  conventionId: number,
  clock: MovableClock,
  figures: Partial<InternshipEndRecord> = {},
): Promise<Convention> {
  const convention = await reload(pstage, conventionId);
  clock.moveTo(figures.actualEndDate ?? convention.endDate!);
  const officeUserId = await officeUserIdOf(pstage);
  return recordInternshipEnd(
    pstage.database.db,
    {
      officeUserId,
      conventionId,
      version: convention.version,
      actualEndDate: convention.endDate!,
      effectiveHours: convention.computedTotalHours!,
      totalGratificationPaid: 0,
      ...figures,
    },
    clock,
  );
}
