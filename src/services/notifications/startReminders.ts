import { addDays, toDayNumber } from '../../domain/calendarDate';
import { enqueueNotification } from '../../mail/enqueueNotification';
import type { MissingForCompletion } from '../../mail/notificationTypes';
import type { Executor } from '../../models/database';
import { documentRepository } from '../../models/documentRepository';
import { scheduledNotificationRepository, type StartingConvention } from '../../models/scheduledNotificationRepository';
import { parisDateOf } from '../../clock';
import { signatoriesOf, type Signatory } from '../../domain/signatories';
import { signatoryContextOf } from '../conventions/signatories';

/** Reminders go out when the start is this many days away or less: once at the first, once at the last. */
export const reminderThresholds = [7, 1] as const;

const signatureItems: Record<Signatory, MissingForCompletion> = {
  student: 'studentSignature',
  legal_representative: 'legalRepresentativeSignature',
  host_signatory: 'hostSignatorySignature',
  professional_tutor: 'professionalTutorSignature',
  academic_tutor: 'academicTutorSignature',
  dean: 'deanSignature',
};

async function missingFor(db: Executor, convention: StartingConvention): Promise<MissingForCompletion[]> {
  const signed = await scheduledNotificationRepository.signedParties(db, convention.id);
  const signatories = signatoriesOf(signatoryContextOf({ student: convention.studentSnapshot, startDate: convention.startDate }));
  const missing = signatories.filter((party) => !signed.includes(party)).map((party) => signatureItems[party]);
  const certificate = await documentRepository.findCertificateForConvention(db, convention.id);
  return certificate?.status === 'accepted' ? missing : [...missing, 'certificate'];
}

/**
 * The internship cannot start before the convention is complete: the student and the office are reminded
 * when the start is near (7 days, then the day before). The dedupe key names the convention, its start date
 * and the threshold, so each reminder leaves once even if the scheduler runs every few minutes in two processes.
 */
export async function enqueueStartReminders(db: Executor, options: { now: Date; officeEmail: string; days?: number }): Promise<number> {
  const today = parisDateOf(options.now);
  const horizon = options.days ?? reminderThresholds[0];
  const starting = await scheduledNotificationRepository.startingBetween(db, today, addDays(today, horizon));
  let queued = 0;
  for (const convention of starting) {
    const daysLeft = toDayNumber(convention.startDate) - toDayNumber(today);
    const threshold = Math.min(...reminderThresholds.filter((days) => daysLeft <= days), horizon);
    const missing = await missingFor(db, convention);
    const reference = convention.reference ?? '';
    const dedupeKey = `startReminder:${convention.id}:${convention.startDate}:${threshold}`;
    await db.transaction(async (tx) => {
      const toStudent = await enqueueNotification(tx, {
        template: 'startReminder',
        to: convention.student,
        data: { reference, startDate: convention.startDate, missing, path: `/student/conventions/${convention.id}` },
        dedupeKey,
      });
      const toOffice = await enqueueNotification(tx, {
        template: 'startReminder',
        to: { email: options.officeEmail, name: 'Service des stages', locale: 'fr' },
        data: { reference, startDate: convention.startDate, missing, path: `/office/conventions/${convention.id}` },
        dedupeKey,
      });
      queued += Number(Boolean(toStudent?.created)) + Number(Boolean(toOffice?.created));
    });
  }
  return queued;
}
