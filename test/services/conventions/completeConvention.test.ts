import { eq } from 'drizzle-orm';
import request from 'supertest';
import { conventionEvents, documents, signatureRequests } from '../../../src/models/schema';
import { hashSignatureToken } from '../../../src/services/signature/signatureToken';
import { testClock } from '../../support/clock';
import { useTestPstage } from '../../support/pstage';
import { useSignatureMailbox } from '../../support/signatureMailbox';
import { signAsStudent } from '../../support/signatureCircuit';
import { submitConventionAsStudent } from '../../support/studentJourney';
import {
  acceptCertificateAsOffice,
  launchOffice,
  recordSignaturesAsOffice,
  reload,
  storeCertificate,
  validateAsOffice,
} from '../office/officeJourney';

const pstage = useTestPstage();
const mailbox = useSignatureMailbox(pstage);
const deanEmail = 'doyen@univ.example.fr';
const studentEmail = 'camille.martin@etu.example.fr';
const referentEmail = 'anne.leroy@univ.example.fr';

afterEach(() => {
  pstage.services.config.signature.deanEmail = undefined;
});

/** A signatory opens their link, asks for a code, types their name and the code, consents. */
async function signByLink(link: string) {
  const [row] = await pstage.database.db
    .select()
    .from(signatureRequests)
    .where(eq(signatureRequests.tokenHash, hashSignatureToken(link.slice('/sign/'.length))));
  expect((await request(pstage.url).post(`${link}/code`).type('form').send({})).status).toBe(303);
  await mailbox.deliver();
  const signed = await request(pstage.url)
    .post(`${link}/sign`)
    .type('form')
    .send({ fullName: row.name, code: mailbox.codeIn(row.email), consent: 'yes' });
  expect(signed.status).toBe(200);
}

/** A validated convention sent for signature from the office's page (the certificate as given), every party signing by link. */
async function signedByEveryPartyOnline(options: { certificateAccepted: boolean }) {
  pstage.services.config.signature.deanEmail = deanEmail;
  const { convention, client: student } = await submitConventionAsStudent(pstage);
  await validateAsOffice(pstage, convention.id);
  if (options.certificateAccepted) await acceptCertificateAsOffice(pstage, convention.id);
  const office = await launchOffice(pstage);
  const page = `/office/conventions/${convention.id}`;
  expect(await office.client.submit(page, {}, `${page}/send-for-signature`)).toMatchObject({ status: 303 });
  await mailbox.deliver();
  const requests = await pstage.database.db.select().from(signatureRequests).where(eq(signatureRequests.conventionId, convention.id));
  for (const row of requests.filter((candidate) => candidate.party !== 'student')) await signByLink(mailbox.linkIn(row.email));
  expect(await signAsStudent(pstage, mailbox, student, convention.id)).toMatchObject({ status: 303 });
  await mailbox.deliver();
  await signByLink(mailbox.linkIn(deanEmail));
  return { convention, office, page };
}

/** What a completion said, and to whom: the completion mails' recipients with the link each one carries. */
async function completionMails(conventionId: number, programmeId: number) {
  await mailbox.deliver();
  const completeMail = (address: string) => mailbox.mailsTo(address).filter((mail) => /complète/.test(mail.subject ?? ''));
  const [toStudent, ...studentMore] = completeMail(studentEmail);
  const [toReferent, ...referentMore] = completeMail(referentEmail);
  expect([studentMore, referentMore]).toEqual([[], []]);
  expect(toStudent.text).toContain(`${pstage.url}/student/conventions/${conventionId}`);
  expect(toReferent.text).toContain('comme enseignant référent');
  expect(toReferent.text).toContain(`${pstage.url}/programme/${programmeId}/conventions/${conventionId}`);
  const [finalCheck, ...more] = await pstage.database.db.select().from(conventionEvents).where(eq(conventionEvents.event, 'final_check'));
  expect(more).toHaveLength(0);
  return { subjects: [toStudent.subject, toReferent.subject], finalCheck };
}

const sealed = async (conventionId: number) =>
  (await pstage.database.db.select().from(documents).where(eq(documents.conventionId, conventionId))).filter(
    (row) => row.kind === 'signed_convention_pdf',
  );

describe('one completion, whichever step comes last', () => {
  it('on paper: the dean recorded by the office completes it, the student and the referent are told with a link to the convention', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    await validateAsOffice(pstage, convention.id);
    await recordSignaturesAsOffice(pstage, convention.id);
    const { version } = await acceptCertificateAsOffice(pstage, convention.id);
    const office = await launchOffice(pstage);
    const page = `/office/conventions/${convention.id}`;
    expect(version).toBe((await reload(pstage, convention.id)).version);
    expect(await office.client.submit(page, { signedAt: testClock.today() }, `${page}/dean-signature`)).toMatchObject({ status: 303 });
    expect((await reload(pstage, convention.id)).state).toBe('complete');
    const { finalCheck } = await completionMails(convention.id, convention.programmeId);
    expect(finalCheck).toMatchObject({ actorRole: 'office', fromState: 'signed_by_parties', toState: 'complete' });
    // Signed on paper only: the originals are the paper ones, nothing to seal.
    expect(await sealed(convention.id)).toHaveLength(0);
  });

  it('online: the dean’s signature from their link completes it with the same mails, and the convention is sealed', async () => {
    const { convention } = await signedByEveryPartyOnline({ certificateAccepted: true });
    expect((await reload(pstage, convention.id)).state).toBe('complete');
    const { subjects, finalCheck } = await completionMails(convention.id, convention.programmeId);
    expect(subjects.every((subject) => subject?.includes('complète'))).toBe(true);
    expect(finalCheck).toMatchObject({ actorRole: 'signatory', actorUserId: null, toState: 'complete' });
    expect(await sealed(convention.id)).toHaveLength(1);
  }, 120_000);

  it('the dean signed online before the certificate was accepted: accepting it completes the convention, with the same mails', async () => {
    const { convention, office, page } = await signedByEveryPartyOnline({ certificateAccepted: false });
    expect((await reload(pstage, convention.id)).state).toBe('signed_by_parties');
    await mailbox.deliver();
    expect(mailbox.mailsTo(studentEmail).filter((mail) => /complète/.test(mail.subject ?? ''))).toHaveLength(0);
    const certificate = await storeCertificate(pstage, convention);
    const accepted = await office.client.submit(page, { documentId: String(certificate.id), decision: 'accepted' }, `${page}/certificate`);
    expect(accepted).toMatchObject({ status: 303, location: `${page}?done=certificate` });
    expect((await reload(pstage, convention.id)).state).toBe('complete');
    const { finalCheck } = await completionMails(convention.id, convention.programmeId);
    expect(finalCheck).toMatchObject({ actorRole: 'office', fromState: 'signed_by_parties', toState: 'complete' });
    expect(await sealed(convention.id)).toHaveLength(1);
  }, 120_000);
});
