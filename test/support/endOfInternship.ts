import { eq } from 'drizzle-orm';
import { hostSpaceLinks } from '../../src/models/schema';
import { advanceInternships } from '../../src/services/evaluations/advanceInternships';
import { completeAsOffice, validateAsOffice } from '../services/office/officeJourney';
import { nextYear } from './clock';
import type { TestPstage } from './pstage';
import type { useSignatureMailbox } from './signatureMailbox';
import { submitConventionAsStudent } from './studentJourney';

/** validInternship: from 2 March to 26 June of next year. */
export const plannedEnd = `${nextYear}-06-26`;
export const noon = (day: string) => new Date(`${day}T12:00:00Z`);

/** A convention submitted by the student through the real forms, validated and completed by the office. */
export async function completeConvention(pstage: TestPstage, options: Parameters<typeof submitConventionAsStudent>[1] = {}) {
  const submitted = await submitConventionAsStudent(pstage, options);
  await validateAsOffice(pstage, submitted.convention.id);
  await completeAsOffice(pstage, submitted.convention.id);
  return { ...submitted, id: submitted.convention.id };
}

/** The daily scheduler's end-of-internship step on `day`. */
export const passOn = (pstage: TestPstage, day: string) =>
  pstage.database.db.transaction((tx) => advanceInternships(tx, { config: pstage.services.config, now: noon(day) }));

/** The tutor's personal link, as they read it in the mail the outbox delivered to the test SMTP server. */
export async function tutorLinkFromMail(
  pstage: TestPstage,
  mailbox: Pick<ReturnType<typeof useSignatureMailbox>, 'deliver' | 'mailsTo'>,
  conventionId: number,
) {
  const [link] = await pstage.database.db.select().from(hostSpaceLinks).where(eq(hostSpaceLinks.conventionId, conventionId));
  await mailbox.deliver();
  const mail = mailbox.mailsTo(link.email).at(-1)!;
  const match = new RegExp(`${pstage.url}(/host/[A-Za-z0-9_-]+)`).exec(String(mail.text ?? ''));
  return { link, path: match![1], mail };
}

/** A complete answer to the default tutor questionnaire. */
export const tutorAnswers = {
  technicalSkills: '4',
  learning: '5',
  punctuality: '5',
  teamwork: '4',
  workQuality: '4',
  objectivesMet: 'yes',
  overall: '4',
};
