import { eq } from 'drizzle-orm';
import { auditLog, conventionEvents, conventions, organisations, outbox, subjects } from '../../../src/models/schema';
import type { FrozenConventionSnapshot } from '../../../src/services/conventions/frozenSnapshot';
import { validateConvention } from '../../../src/services/office/validateConvention';
import { testClock } from '../../support/clock';
import { useTestPstage } from '../../support/pstage';
import { nextYear, submitConventionAsStudent } from '../../support/studentJourney';
import { conventionReadyToValidate, launchOffice, reload } from './officeJourney';

const pstage = useTestPstage();

async function validate(conventionId: number, version: number, officeUserId: number, overrideReason: string | null = null) {
  return validateConvention(pstage.database.db, { officeUserId, conventionId, version, overrideReason }, testClock);
}

async function expectRefused(
  conventionId: number,
  version: number,
  officeUserId: number,
  messageKey: string,
  overrideReason: string | null = null,
) {
  const eventsBefore = await pstage.database.db.select().from(conventionEvents).where(eq(conventionEvents.conventionId, conventionId));
  const outboxBefore = await pstage.database.db.select().from(outbox);
  await expect(validate(conventionId, version, officeUserId, overrideReason)).rejects.toMatchObject({ status: 409, messageKey });
  const after = await reload(pstage, conventionId);
  expect(after).toMatchObject({ state: 'submitted', version, frozenSnapshot: null });
  expect(await pstage.database.db.select().from(conventionEvents).where(eq(conventionEvents.conventionId, conventionId))).toHaveLength(
    eventsBefore.length,
  );
  expect(await pstage.database.db.select().from(outbox)).toHaveLength(outboxBefore.length);
}

describe('the office validates a convention', () => {
  it('when the subject is not validated, it is refused and nothing is written', async () => {
    const { officeUserId } = await launchOffice(pstage);
    const { convention } = await conventionReadyToValidate(pstage);
    await pstage.database.db.update(subjects).set({ state: 'proposed' }).where(eq(subjects.id, convention.subjectId!));
    await expectRefused(convention.id, convention.version, officeUserId, 'workflow.error.subjectNotValidated');
  });

  it('when no academic tutor is assigned by the programme head nor chosen by the student, it is refused', async () => {
    const { officeUserId } = await launchOffice(pstage);
    const { convention } = await conventionReadyToValidate(pstage);
    await pstage.database.db.update(subjects).set({ academicTutorId: null }).where(eq(subjects.id, convention.subjectId!));
    await pstage.database.db.update(conventions).set({ academicTutorId: null }).where(eq(conventions.id, convention.id));
    await expectRefused(convention.id, convention.version, officeUserId, 'workflow.error.academicTutorMissing');
  });

  it('when the host created by the student is not validated, it is refused', async () => {
    const { officeUserId } = await launchOffice(pstage);
    const { convention } = await conventionReadyToValidate(pstage);
    await pstage.database.db.update(organisations).set({ validated: false });
    await expectRefused(convention.id, convention.version, officeUserId, 'workflow.error.organisationNotValidated');
  });

  it('when a legal error the office cannot override stands, it is refused even with a reason', async () => {
    const { officeUserId } = await launchOffice(pstage);
    const { convention } = await conventionReadyToValidate(pstage);
    // 11 h a day: above the 10 h limit (LEGAL.md, working time), evaluated again at validation.
    await pstage.database.db
      .update(conventions)
      .set({ weeklySchedule: [11, 11, 11, 0, 0, 0, 0] })
      .where(eq(conventions.id, convention.id));
    await expectRefused(convention.id, convention.version, officeUserId, 'workflow.error.blockingLegalErrors', 'Dérogation demandée');
  });

  it('an overridable legal error (924 h with the same host) needs a written reason, then the reason is kept in the history', async () => {
    const { officeUserId } = await launchOffice(pstage);
    const { convention } = await conventionReadyToValidate(pstage);
    // An earlier convention of the same student with the same host this academic year: together above 924 h
    // (its hours are computed from its dates and schedule, as every convention's are).
    await pstage.database.db.insert(conventions).values({
      studentUserId: convention.studentUserId,
      programmeId: convention.programmeId,
      academicYear: convention.academicYear,
      student: convention.student,
      organisationId: convention.organisationId,
      state: 'complete',
      weeklySchedule: [7, 7, 7, 7, 7, 0, 0],
      startDate: `${nextYear - 1}-09-01`,
      endDate: `${nextYear - 1}-12-20`,
    });
    await expectRefused(convention.id, convention.version, officeUserId, 'workflow.error.overrideReasonRequired');
    await expectRefused(convention.id, convention.version, officeUserId, 'workflow.error.overrideReasonRequired', '   ');
    const updated = await validate(convention.id, convention.version, officeUserId, 'Année de césure : dérogation accordée');
    expect(updated.state).toBe('validated');
    const [event] = await pstage.database.db.select().from(conventionEvents).where(eq(conventionEvents.event, 'validate'));
    expect(event).toMatchObject({
      actorUserId: officeUserId,
      actorRole: 'office',
      fromState: 'submitted',
      toState: 'validated',
      reason: 'Année de césure : dérogation accordée',
    });
    expect((updated.legalFindings as { code: string }[]).map((finding) => finding.code)).toContain('legal.hostYearCapExceeded');
  });

  it('validates: history, audit, the student mailed, the LMS progress queued, the parties frozen and the assigned tutor kept', async () => {
    const { officeUserId } = await launchOffice(pstage);
    const { convention } = await conventionReadyToValidate(pstage);
    const updated = await validate(convention.id, convention.version, officeUserId);
    expect(updated).toMatchObject({ state: 'validated', version: convention.version + 1, academicTutorId: convention.academicTutorId });
    const frozen = updated.frozenSnapshot as unknown as FrozenConventionSnapshot;
    expect(frozen.organisation).toMatchObject({ name: 'Société Générale Informatique', siret: '73282932000074', city: 'LYON' });
    expect(frozen.signatory).toMatchObject({ lastName: 'Moreau' });
    expect(frozen.professionalTutor).toMatchObject({ lastName: 'Durand' });
    expect(frozen.academicTutor).toMatchObject({ lastName: 'Leroy' });
    const audit = await pstage.database.db.select().from(auditLog).where(eq(auditLog.action, 'convention.validate'));
    expect(audit).toHaveLength(1);
    const rows = await pstage.database.db.select().from(outbox);
    const mail = rows.find((row) => (row.payload as { template?: string }).template === 'conventionValidated');
    expect(mail?.payload).toMatchObject({
      to: { email: 'camille.martin@etu.example.fr', locale: 'fr' },
      data: { reference: convention.reference, organisationName: 'Société Générale Informatique', certificateMissing: true },
    });
    expect(
      rows
        .filter((row) => row.kind === 'ags' && row.status === 'pending')
        .map((row) => (row.payload as { conventionState?: string }).conventionState),
    ).toContain('validated');
  });

  it('keeps the frozen copy when the organisation record is edited afterwards', async () => {
    const { officeUserId } = await launchOffice(pstage);
    const { convention } = await conventionReadyToValidate(pstage);
    await validate(convention.id, convention.version, officeUserId);
    await pstage.database.db
      .update(organisations)
      .set({ name: 'SGI Renommée', street: '9 rue Neuve' })
      .where(eq(organisations.id, convention.organisationId!));
    const after = await reload(pstage, convention.id);
    expect((after.frozenSnapshot as unknown as FrozenConventionSnapshot).organisation).toMatchObject({
      name: 'Société Générale Informatique',
      street: '2 avenue de la Gare',
    });
  });

  it('a second staff member acting on the version they saw is told of the conflict, and nothing is overwritten', async () => {
    const { officeUserId } = await launchOffice(pstage);
    const { convention } = await conventionReadyToValidate(pstage);
    await validate(convention.id, convention.version, officeUserId, 'Premier');
    await expect(validate(convention.id, convention.version, officeUserId, 'Second')).rejects.toMatchObject({ status: 409 });
    const events = await pstage.database.db.select().from(conventionEvents).where(eq(conventionEvents.event, 'validate'));
    expect(events.map((event) => event.reason)).toEqual(['Premier']);
  });

  it('a convention without a subject is refused', async () => {
    const { officeUserId } = await launchOffice(pstage);
    const { convention } = await submitConventionAsStudent(pstage, { subject: false });
    await pstage.database.db.update(organisations).set({ validated: true });
    await expectRefused(convention.id, convention.version, officeUserId, 'workflow.error.subjectNotValidated');
  });
});
