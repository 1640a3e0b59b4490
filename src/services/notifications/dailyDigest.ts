import { addDays } from '../../domain/calendarDate';
import { enqueueNotification } from '../../mail/enqueueNotification';
import type { Executor } from '../../models/database';
import { scheduledNotificationRepository } from '../../models/scheduledNotificationRepository';
import { parisDateOf } from '../../clock';

/**
 * The office's digest of the conventions submitted the day before (French days), queued once per day:
 * the dedupe key is the day, so a restart or a second process never sends it twice. No mail for an empty day.
 */
export async function enqueueDailyDigest(db: Executor, options: { now: Date; officeEmail: string }): Promise<boolean> {
  const day = addDays(parisDateOf(options.now), -1);
  const recent = await scheduledNotificationRepository.submittedSince(db, new Date(options.now.getTime() - 3 * 24 * 3600_000));
  // As the mail says: the internships that start soonest first.
  const ofTheDay = recent
    .filter((convention) => convention.submittedAt && parisDateOf(convention.submittedAt) === day)
    .sort((a, b) => (a.startDate ?? '9999').localeCompare(b.startDate ?? '9999') || a.id - b.id);
  if (ofTheDay.length === 0) return false;
  const queued = await enqueueNotification(db, {
    template: 'dailyDigest',
    to: { email: options.officeEmail, name: 'Service des stages', locale: 'fr' },
    data: {
      date: day,
      conventions: ofTheDay.map((convention) => ({
        reference: convention.reference ?? '',
        studentName: convention.studentName,
        programmeTitle: convention.programmeTitle,
        organisationName: convention.organisationName ?? '',
        startDate: convention.startDate ?? '',
        path: `/office/conventions/${convention.id}`,
      })),
      path: '/office',
    },
    dedupeKey: `dailyDigest:${day}`,
  });
  return queued?.created ?? false;
}
