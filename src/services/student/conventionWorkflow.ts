import type { Clock } from '../../clock';
import { AppError, notFound } from '../../errors';
import { enqueueNotification } from '../../mail/enqueueNotification';
import { conventionRepository, type Convention } from '../../models/conventionRepository';
import type { Transaction } from '../../models/database';
import { userRepository } from '../../models/userRepository';
import { fireConventionEvent as fire } from '../conventions/conventionTransition';
import type { StudentContext } from './context';
import { detailsOf, legalFindings } from './conventionDetails';
import { allStepsCompleted } from './wizardSteps';

async function ownConvention(tx: Transaction, userId: number, conventionId: number): Promise<Convention> {
  const convention = await conventionRepository.findForStudent(tx, conventionId, userId);
  if (!convention) throw notFound();
  return convention;
}

/** "Créer": the draft goes to the office unless a blocking legal error stands; the findings are kept on the convention. */
export async function submitConvention(context: StudentContext, userId: number, conventionId: number, version: number, clock: Clock) {
  return context.db.transaction(async (tx) => {
    const convention = await ownConvention(tx, userId, conventionId);
    const details = await detailsOf(tx, convention);
    const findings = await legalFindings(tx, details, clock.today());
    if (!findings || !allStepsCompleted(convention)) throw new AppError(409, 'student.convention.incomplete');
    const updated = await fire({
      tx,
      convention,
      version,
      event: { type: 'submit' },
      actor: 'student',
      actorUserId: userId,
      at: clock.now(),
      changes: { legalFindings: findings, submittedAt: clock.now() },
      facts: { findings },
    });
    const student = await userRepository.findById(tx, userId);
    await enqueueNotification(tx, {
      template: 'conventionSubmitted',
      to: { email: context.officeEmail, name: 'Service des stages', locale: 'fr' },
      data: {
        reference: updated.reference ?? '',
        studentName: student?.name ?? '',
        programmeTitle: details.programme.title,
        organisationName: details.organisation?.name ?? '',
        startDate: updated.startDate ?? '',
        endDate: updated.endDate ?? '',
        path: `/office/conventions/${updated.id}`,
      },
      dedupeKey: `conventionSubmitted:${updated.id}:v${updated.version}`,
    });
    return updated;
  });
}

/** The student may cancel before the office validates (draft or submitted). */
export async function cancelConvention(
  context: StudentContext,
  userId: number,
  conventionId: number,
  version: number,
  reason: string | null,
  clock: Clock,
) {
  return context.db.transaction(async (tx) => {
    const convention = await ownConvention(tx, userId, conventionId);
    return fire({
      tx,
      convention,
      version,
      event: { type: 'cancel', ...(reason ? { reason } : {}) },
      actor: 'student',
      actorUserId: userId,
      at: clock.now(),
    });
  });
}
