import { eq } from 'drizzle-orm';
import { signatureRequests } from '../../src/models/schema';
import type { BrowserlessClient } from './browserlessClient';
import type { TestPstage } from './pstage';
import type { useSignatureMailbox } from './signatureMailbox';
import { submitConventionAsStudent, type JourneyOptions } from './studentJourney';
import { acceptCertificateAsOffice, launchOffice, validateAsOffice } from '../services/office/officeJourney';

type Mailbox = ReturnType<typeof useSignatureMailbox>;

/** A validated convention (certificate accepted), sent for signature by the office from its page, the mails delivered. */
export async function sentForSignature(pstage: TestPstage, mailbox: Mailbox, options: JourneyOptions = {}) {
  const { convention, client: student } = await submitConventionAsStudent(pstage, options);
  await validateAsOffice(pstage, convention.id);
  await acceptCertificateAsOffice(pstage, convention.id);
  const office = await launchOffice(pstage);
  const page = `/office/conventions/${convention.id}`;
  const sent = await office.client.submit(page, {}, `${page}/send-for-signature`);
  if (sent.status !== 303 || sent.location !== `${page}?done=sendForSignature`) throw new Error(`not sent: ${sent.status}`);
  await mailbox.deliver();
  const requests = await pstage.database.db.select().from(signatureRequests).where(eq(signatureRequests.conventionId, convention.id));
  return { convention, student, office, requests };
}

/**
 * What the student does in their space: asks for a code (mailed to their address), reads it in the mail, types
 * their full name and the code, ticks the box. Returns the answer to the signature.
 */
export async function signAsStudent(
  pstage: TestPstage,
  mailbox: Mailbox,
  student: BrowserlessClient,
  conventionId: number,
  fields: Record<string, string> = {},
) {
  const base = `/student/conventions/${conventionId}`;
  const [request] = (
    await pstage.database.db.select().from(signatureRequests).where(eq(signatureRequests.conventionId, conventionId))
  ).filter((row) => row.party === 'student' && row.status === 'pending');
  const asked = await student.submit(base, {}, `${base}/signature/code`);
  if (asked.status !== 303) throw new Error(`no code: ${asked.status}`);
  await mailbox.deliver();
  const code = mailbox.codeIn(request.email);
  return student.submit(base, { fullName: request.name, code, consent: 'yes', ...fields }, `${base}/signature/sign`);
}
