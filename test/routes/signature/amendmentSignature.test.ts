import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { amendmentSignatures, amendments, auditLog, signatureRequests, signatures, users } from '../../../src/models/schema';
import { enqueueSignatureReminders } from '../../../src/services/signature/signatureReminders';
import { hashSignatureToken } from '../../../src/services/signature/signatureToken';
import { flatten, pdfPages, prose } from '../../documents/pdfText';
import { addDays } from '../../../src/domain/calendarDate';
import { movableClock, nextYear, today } from '../../support/clock';
import { useTestPstage } from '../../support/pstage';
import { useSignatureMailbox } from '../../support/signatureMailbox';
import { submitConventionAsStudent } from '../../support/studentJourney';
import { acceptCertificateAsOffice, launchOffice, reload, validateAsOffice } from '../../services/office/officeJourney';

const clock = movableClock({ movesNow: true });
const pstage = useTestPstage({ clock });
const deanEmail = 'doyen@univ.example.fr';
const { deliver, mailsTo, linkIn, codeIn } = useSignatureMailbox(pstage);

beforeEach(() => {
  clock.reset();
  pstage.services.config.signature.deanEmail = deanEmail;
});

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function requestOf(link: string) {
  const [row] = await pstage.database.db
    .select()
    .from(signatureRequests)
    .where(eq(signatureRequests.tokenHash, hashSignatureToken(link.slice('/sign/'.length))));
  return row;
}

/** What a signatory does from their link: opens it, asks for the code, types their name and the mailed code. */
async function signByLink(link: string) {
  expect((await request(pstage.url).get(link)).status).toBe(200);
  expect((await request(pstage.url).post(`${link}/code`).type('form').send({})).status).toBe(303);
  await deliver();
  const { name, email } = await requestOf(link);
  return request(pstage.url)
    .post(`${link}/sign`)
    .type('form')
    .send({ fullName: name, code: codeIn(email), consent: 'yes' });
}

const pdfText = async (link: string, document = 'amendment') => {
  const pdf = await request(pstage.url).get(`${link}/${document}.pdf`).buffer(true);
  expect(pdf.status).toBe(200);
  return { text: flatten(await pdfPages(pdf.body as Buffer)), sha256: sha256Of(pdf.body as Buffer) };
};

/** A validated convention whose office asked for an extension (amendment n° 1) and validated it. */
async function validatedExtension() {
  const { convention } = await submitConventionAsStudent(pstage);
  await validateAsOffice(pstage, convention.id);
  const { client: office } = await launchOffice(pstage);
  const officePage = `/office/conventions/${convention.id}/amendments`;
  await office.submit(officePage, { kinds: 'dates', startDate: `${nextYear}-03-02`, endDate: `${nextYear}-07-24` });
  await office.submit(officePage, {}, `${officePage}/1/validate`);
  return { convention, office, officePage };
}

describe('signing an amendment electronically', () => {
  it('each party signs the amendment from its link (the student from their space), the dean last; then the amended values apply', async () => {
    const { convention, client: student } = await submitConventionAsStudent(pstage);
    await validateAsOffice(pstage, convention.id);
    await acceptCertificateAsOffice(pstage, convention.id);
    const { client: office } = await launchOffice(pstage);
    const conventionPage = `/office/conventions/${convention.id}`;
    await office.submit(conventionPage, {}, `${conventionPage}/send-for-signature`);
    await deliver();
    const conventionRequests = await pstage.database.db
      .select()
      .from(signatureRequests)
      .where(eq(signatureRequests.conventionId, convention.id));
    const host = conventionRequests.find((row) => row.party === 'host_signatory')!;
    const conventionLink = linkIn(host.email);

    const studentPage = `/student/conventions/${convention.id}/amendments`;
    const officePage = `/office/conventions/${convention.id}/amendments`;
    await student.submit(studentPage, { kinds: 'dates', startDate: `${nextYear}-03-02`, endDate: `${nextYear}-07-24` });
    // Not yet validated: nothing to send.
    expect((await office.submit(officePage, {}, `${officePage}/1/send-for-signature`)).location).toBe(`${officePage}#send-1`);
    expect((await pstage.database.db.select().from(signatureRequests)).filter((row) => row.amendmentId !== null)).toEqual([]);
    expect((await office.submit(officePage, {}, `${officePage}/1/validate`)).location).toBe(`${officePage}?done=validate-1`);
    expect((await office.submit(officePage, {}, `${officePage}/1/send-for-signature`)).location).toBe(`${officePage}?done=send-1`);
    await deliver();

    const amendmentRequests = (await pstage.database.db.select().from(signatureRequests)).filter((row) => row.amendmentId !== null);
    expect(amendmentRequests.map((row) => row.party).sort()).toEqual(['academic_tutor', 'host_signatory', 'professional_tutor', 'student']);
    const amendmentLink = linkIn(host.email);
    expect(amendmentLink).not.toBe(conventionLink);
    expect(mailsTo(host.email).at(-1)!.subject).toBe(
      `[Pstage] Avenant n° 1 à la convention ${convention.reference} : votre signature est demandée`,
    );

    // Each link opens its own document, never the other's.
    const [stored] = await pstage.database.db.select().from(amendments);
    const amendmentPdf = await pdfText(amendmentLink);
    expect(amendmentPdf.text).toContain('Avenant n° 1 à la convention');
    expect(amendmentPdf.sha256).toBe(stored.signaturePdfSha256);
    const conventionPdf = await pdfText(conventionLink, 'convention');
    expect(conventionPdf.text).not.toContain('Avenant n° 1');
    expect(conventionPdf.sha256).not.toBe(amendmentPdf.sha256);
    expect((await office.request(officePage)).text).toContain('lien de signature envoyé');

    // The link's page names the amendment, in French and in English, and offers its own file.
    const reference = convention.reference!;
    const page = await request(pstage.url).get(amendmentLink);
    expect(page.text).toContain(`<title>Avenant n° 1 à la convention ${reference} — signature`);
    expect(page.text).toContain(`Avenant n° 1 à la convention ${reference} — signature</h1>`);
    expect(page.text).toContain(`signer l&#39;avenant n° 1 à la convention de stage ${reference}`);
    expect(page.text).toContain(`href="${amendmentLink}/amendment.pdf" download="avenant-1-${reference}.pdf"`);
    expect(page.text).toContain('Télécharger l&#39;avenant n° 1 (PDF)');
    expect(page.text).not.toContain('Télécharger la convention');
    const english = await request(pstage.url).get(`${amendmentLink}?lang=en`);
    expect(english.text).toContain(`Amendment no. 1 to agreement ${reference} — signing</h1>`);
    expect(english.text).toContain('Download amendment no. 1 (PDF)');
    const file = await request(pstage.url).get(`${amendmentLink}/amendment.pdf`);
    expect(file.headers['content-disposition']).toBe(`inline; filename="avenant-1-${reference}.pdf"`);
    expect((await request(pstage.url).get(`${amendmentLink}/convention.pdf`)).status).toBe(404);
    expect((await request(pstage.url).get(`${conventionLink}/amendment.pdf`)).status).toBe(404);
    const conventionLinkPage = (await request(pstage.url).get(conventionLink)).text;
    expect(conventionLinkPage).toContain(`Signature de la convention ${reference}</h1>`);
    expect(conventionLinkPage).toContain(`href="${conventionLink}/convention.pdf"`);

    for (const party of ['host_signatory', 'professional_tutor', 'academic_tutor']) {
      const email = amendmentRequests.find((row) => row.party === party)!.email;
      const signed = await signByLink(linkIn(email));
      expect(signed.status).toBe(200);
      expect(signed.text).toContain('Avenant signé</h1>');
    }
    const studentView = (await student.request(studentPage)).text;
    expect(studentView).toContain('Signer l&#39;avenant n° 1');
    // As for the convention: the consent alone signs nothing; the code mailed to the student's address does.
    const signing = `${studentPage}/1/signature`;
    const own = amendmentRequests.find((row) => row.party === 'student')!;
    expect((await student.submit(studentPage, { consent: 'yes' }, `${signing}/sign`)).location).toBe(`${studentPage}#signature-errors`);
    expect((await student.request(studentPage)).text).toContain('Saisissez le code à 6 chiffres reçu par courriel.');
    expect((await student.submit(studentPage, {}, `${signing}/code`)).location).toBe(`${studentPage}?code=sent#decide-1`);
    await deliver();
    const codeMail = mailsTo(own.email).at(-1)!;
    expect(codeMail.text).toContain(`${pstage.url}${studentPage}`);
    const code = codeIn(own.email);
    const wrong = code === '000000' ? '111111' : '000000';
    await student.submit(studentPage, { fullName: own.name, code: wrong, consent: 'yes' }, `${signing}/sign`);
    expect((await student.request(studentPage)).text).toContain('Ce code n&#39;est pas le bon. Il vous reste 4 essais');
    expect((await student.submit(studentPage, { fullName: own.name, code, consent: 'yes' }, `${signing}/sign`)).location).toBe(
      `${studentPage}?done=decide-1`,
    );
    const studentEvidence = (await pstage.database.db.select().from(signatureRequests)).find((row) => row.id === own.id)!;
    expect(studentEvidence).toMatchObject({ status: 'signed', typedName: own.name, documentSha256: stored.signaturePdfSha256 });
    // Not in force before the dean, who is asked only now.
    expect((await reload(pstage, convention.id)).endDate).toBe(`${nextYear}-06-26`);
    await deliver();
    const deanLink = linkIn(deanEmail);
    expect((await requestOf(deanLink)).amendmentId).toBe(stored.id);
    expect((await signByLink(deanLink)).status).toBe(200);

    const amended = await reload(pstage, convention.id);
    expect(amended).toMatchObject({ state: 'validated', endDate: `${nextYear}-07-24` });
    const [signed] = await pstage.database.db.select().from(amendments);
    expect(signed.state).toBe('signed');
    const methods = (await pstage.database.db.select().from(amendmentSignatures)).map((row) => `${row.party}:${row.method}`);
    expect(methods.sort()).toEqual(
      ['academic_tutor', 'dean', 'host_signatory', 'professional_tutor', 'student'].map((party) => `${party}:electronic`),
    );
    const evidence = (await pstage.database.db.select().from(signatureRequests)).filter((row) => row.amendmentId !== null);
    expect(evidence.every((row) => row.status === 'signed' && row.documentSha256 === stored.signaturePdfSha256)).toBe(true);
    // The audit trail of the convention names the amendment's circuit: its document's hash, each request, each signature.
    const trail = await office.download(`/documents/conventions/${convention.id}/audit-trail.pdf`);
    expect(trail.status).toBe(200);
    const trailText = prose(await pdfPages(trail.bytes, '-raw'));
    expect(trailText).toContain('Avenants');
    expect(trailText).toContain(`Avenant n° 1 à la convention ${convention.reference}`);
    expect(trailText).toContain('Demandes de signature de l’avenant');
    const unbroken = trailText.replace(/\s/g, '');
    expect(unbroken).toContain(`EmpreinteSHA-256dudocument${stored.signaturePdfSha256}`);
    for (const row of evidence) {
      expect(trailText).toContain(row.email);
      expect(unbroken).toContain(row.decidedAt!.toISOString().slice(0, 19).replace('T', ''));
    }
    expect(trailText.match(/Signée/g)!.length).toBeGreaterThanOrEqual(evidence.length);
    expect(trailText).toContain(`Signatures enregistrées`);
    expect(trailText).toContain('Doyen');
    expect(trailText.match(/électronique/g)!.length).toBeGreaterThanOrEqual(5);

    // The convention's own circuit is untouched: no convention signature, the host's convention link still open.
    expect(await pstage.database.db.select().from(signatures)).toEqual([]);
    expect((await request(pstage.url).get(conventionLink)).status).toBe(200);

    // A used amendment link is closed: replaying it is the same 404 as any unknown link.
    const hostLink = linkIn(amendmentRequests.find((row) => row.party === 'host_signatory')!.email);
    expect(hostLink).not.toBe(conventionLink);
    expect((await request(pstage.url).get(amendmentLink)).status).toBe(404);
    expect((await request(pstage.url).get(`${amendmentLink}/amendment.pdf`)).status).toBe(404);
    const replay = await request(pstage.url)
      .post(`${amendmentLink}/sign`)
      .type('form')
      .send({ fullName: host.name, code: '000000', consent: 'yes' });
    expect(replay.status).toBe(404);
  }, 120_000);

  it('a refusal from a link closes the amendment’s links and tells the office; paper signatures stay possible and close that party’s link', async () => {
    const { convention, office, officePage } = await validatedExtension();
    expect((await office.submit(officePage, {}, `${officePage}/1/send-for-signature`)).location).toBe(`${officePage}?done=send-1`);
    await deliver();
    const rows = await pstage.database.db.select().from(signatureRequests);
    const emailOf = (party: string) => rows.find((row) => row.party === party)!.email;

    // On paper first: the tutor's link closes with it.
    const tutorLink = linkIn(emailOf('professional_tutor'));
    const paper = await office.submit(officePage, { party: 'professional_tutor', signedAt: clock.today() }, `${officePage}/1/signatures`);
    expect(paper.location).toBe(`${officePage}?done=signature-1`);
    expect((await request(pstage.url).get(tutorLink)).status).toBe(404);

    const hostLink = linkIn(emailOf('host_signatory'));
    const refused = await request(pstage.url).post(`${hostLink}/refuse`).type('form').send({ reason: 'Le service ferme en juillet' });
    expect(refused.status).toBe(200);
    expect(refused.text).toContain('Refus de l&#39;avenant enregistré</h1>');
    expect((await request(pstage.url).get(linkIn(emailOf('academic_tutor')))).status).toBe(404);
    const statuses = (await pstage.database.db.select().from(signatureRequests)).map((row) => `${row.party}:${row.status}`);
    expect(statuses.sort()).toEqual(['academic_tutor:revoked', 'host_signatory:refused', 'professional_tutor:revoked', 'student:revoked']);
    await deliver();
    const told = mailsTo(pstage.services.config.officeEmail).at(-1)!;
    expect(told.text).toContain('Le service ferme en juillet');
    expect(told.text).toContain(`${pstage.url}${officePage}`);
    const [amendment] = await pstage.database.db.select().from(amendments);
    expect(amendment.state).toBe('validated');
    expect((await reload(pstage, convention.id)).endDate).toBe(`${nextYear}-06-26`);

    // Sent again: only those who have neither signed nor an open link.
    await office.submit(officePage, {}, `${officePage}/1/send-for-signature`);
    const again = (await pstage.database.db.select().from(signatureRequests)).filter((row) => row.status === 'pending');
    expect(again.map((row) => row.party).sort()).toEqual(['academic_tutor', 'host_signatory', 'student']);
  }, 120_000);

  it('once sent for signature, the parties signing on paper bring the dean their link, as electronic signatures do', async () => {
    const { convention, office, officePage } = await validatedExtension();
    // Before the circuit, paper signatures ask nobody: the first party on paper opens no link.
    const first = await office.submit(officePage, { party: 'student', signedAt: clock.today() }, `${officePage}/1/signatures`);
    expect(first.location).toBe(`${officePage}?done=signature-1`);
    expect(await pstage.database.db.select().from(signatureRequests)).toHaveLength(0);
    expect((await office.submit(officePage, {}, `${officePage}/1/send-for-signature`)).location).toBe(`${officePage}?done=send-1`);
    const parties = (await pstage.database.db.select().from(signatureRequests)).map((row) => row.party);
    expect(parties).not.toContain('dean');
    for (const party of parties) {
      const paper = await office.submit(officePage, { party, signedAt: clock.today() }, `${officePage}/1/signatures`);
      expect(paper.location).toBe(`${officePage}?done=signature-1`);
    }
    const open = (await pstage.database.db.select().from(signatureRequests)).filter((row) => row.status === 'pending');
    expect(open.map((row) => `${row.party}:${row.email}`)).toEqual([`dean:${deanEmail}`]);
    await deliver();
    const title = `Avenant n° 1 à la convention ${convention.reference}`;
    expect(mailsTo(deanEmail).at(-1)!.subject).toBe(`[Pstage] ${title} : votre signature est demandée`);
    const signed = await signByLink(linkIn(deanEmail));
    expect(signed.status).toBe(200);
    const [amendment] = await pstage.database.db.select().from(amendments);
    expect(amendment.state).toBe('signed');
    expect((await reload(pstage, convention.id)).endDate).toBe(`${nextYear}-07-24`);
    // The mail that it is in force names it too.
    await deliver();
    const inForce = mailsTo(pstage.services.config.officeEmail).filter((mail) => mail.subject === `[Pstage] ${title} : signé, en vigueur`);
    expect(inForce).toHaveLength(1);
    expect(inForce[0].text).toContain(`L'avenant n° 1 à la convention ${convention.reference} est signé par toutes les parties`);
  }, 120_000);

  it('the mails of an amendment name it as its PDF does, in French and in English: validation, request, code, refusal', async () => {
    const { convention, office, officePage } = await validatedExtension();
    const reference = convention.reference!;
    const title = `Avenant n° 1 à la convention ${reference}`;
    const english = `Amendment no. 1 to agreement ${reference}`;
    await pstage.database.db.update(users).set({ locale: 'en' }).where(eq(users.id, convention.studentUserId));
    // Without SIGNATURE_AUTO_SEND the validation sends nothing: the office does.
    expect(await pstage.database.db.select().from(signatureRequests)).toEqual([]);
    expect((await office.submit(officePage, {}, `${officePage}/1/send-for-signature`)).location).toBe(`${officePage}?done=send-1`);
    await deliver();
    const rows = await pstage.database.db.select().from(signatureRequests);
    const emailOf = (party: string) => rows.find((row) => row.party === party)!.email;
    const officeEmail = pstage.services.config.officeEmail;

    expect(mailsTo(officeEmail).map((mail) => mail.subject)).toContain(`[Pstage] ${title} : validé, à signer`);
    const hostMail = mailsTo(emailOf('host_signatory')).find((mail) => mail.subject!.includes('votre signature est demandée'))!;
    expect(hostMail.subject).toBe(`[Pstage] ${title} : votre signature est demandée`);
    expect(hostMail.text).toContain(`L'avenant n° 1 à la convention ${reference} a été validé par le service des stages.`);
    expect(hostMail.text).toContain(`Document : ${title}`);
    expect(hostMail.text).toContain("Lisez l'avenant (PDF)");
    expect(hostMail.text).toContain("Lire et signer l'avenant : ");
    expect(hostMail.text).not.toMatch(/convention de stage|Lire et signer la convention|Lisez la convention/);
    const studentMails = mailsTo(emailOf('student'));
    const studentMail = studentMails.find((mail) => mail.subject!.includes('your signature is requested'))!;
    expect(studentMail.subject).toBe(`[Pstage] ${english}: your signature is requested`);
    expect(studentMail.text).toContain(`${english} has been approved by the internship office.`);
    expect(studentMail.text).toContain(`Open the amendment in Pstage: ${pstage.url}${`/student/conventions/${convention.id}/amendments`}`);
    expect(studentMail.text).not.toMatch(/internship convention|Read the convention/);

    const hostLink = linkIn(emailOf('host_signatory'));
    expect((await request(pstage.url).post(`${hostLink}/code`).type('form').send({})).status).toBe(303);
    await deliver();
    const codeMail = mailsTo(emailOf('host_signatory')).at(-1)!;
    expect(codeMail.subject).toBe(`[Pstage] ${title} : votre code de signature`);
    expect(codeMail.text).toContain(`Vous avez demandé un code pour signer l'avenant n° 1 à la convention ${reference} en tant que`);

    await request(pstage.url).post(`${hostLink}/refuse`).type('form').send({ reason: 'Le service ferme en juillet' });
    await deliver();
    const toOffice = mailsTo(officeEmail).at(-1)!;
    expect(toOffice.subject).toBe(`[Pstage] ${title} : signature refusée`);
    expect(toOffice.text).toContain(
      `a refusé de signer l'avenant n° 1 à la convention ${reference}. Le circuit de signature de l'avenant est arrêté`,
    );
    expect(toOffice.text).toContain(`Voir les avenants : ${pstage.url}${officePage}`);
    const toStudent = mailsTo(emailOf('student')).at(-1)!;
    expect(toStudent.subject).toBe(`[Pstage] ${english}: signature refused`);
    expect(toStudent.text).toContain(`refused to sign amendment no. 1 to agreement ${reference}.`);
  }, 120_000);

  it('pending amendment links are reminded after the delay with a new link naming the amendment, once, beside the convention’s own reminders', async () => {
    const { convention, office, officePage } = await validatedExtension();
    const reference = convention.reference!;
    const conventionPage = `/office/conventions/${convention.id}`;
    await office.submit(conventionPage, {}, `${conventionPage}/send-for-signature`);
    expect((await office.submit(officePage, {}, `${officePage}/1/send-for-signature`)).location).toBe(`${officePage}?done=send-1`);
    await deliver();
    const sent = await pstage.database.db.select().from(signatureRequests);
    const host = sent.find((row) => row.party === 'host_signatory' && row.amendmentId !== null)!;
    const firstLink = linkIn(host.email);
    expect((await requestOf(firstLink)).id).toBe(host.id);

    const config = pstage.services.config;
    const remind = () => enqueueSignatureReminders(pstage.database.db, { config, now: clock.now() });
    clock.moveTo(addDays(today, 2));
    expect(await remind()).toBe(0);
    clock.moveTo(addDays(today, 3), 60_000);
    // The three external parties of each circuit (the student signs from their space).
    expect(await remind()).toBe(6);
    expect(await remind()).toBe(0);
    clock.moveTo(addDays(today, 3), 2 * 60 * 60_000);
    expect(await remind()).toBe(0);
    await deliver();

    const reminders = mailsTo(host.email).filter((mail) => /Rappel/.test(mail.subject ?? ''));
    expect(reminders.map((mail) => mail.subject).sort()).toEqual([
      `[Pstage] Rappel : l'avenant n° 1 à la convention ${reference} attend votre signature`,
      `[Pstage] Rappel : la convention ${reference} attend votre signature`,
    ]);
    const secondLink = linkIn(host.email);
    const replacement = await requestOf(secondLink);
    expect(replacement).toMatchObject({
      amendmentId: host.amendmentId,
      party: 'host_signatory',
      status: 'pending',
      expiresAt: host.expiresAt,
    });
    expect((await request(pstage.url).get(firstLink)).status).toBe(404);
    expect((await request(pstage.url).get(secondLink)).text).toContain(`Avenant n° 1 à la convention ${reference} — signature</h1>`);
    const audited = (await pstage.database.db.select().from(auditLog)).filter((row) => row.action === 'signature.reminded');
    expect(audited.filter((row) => (row.details as { amendment?: number }).amendment === 1)).toHaveLength(3);
  }, 120_000);

  it('with SIGNATURE_AUTO_SEND, the office’s validation of an amendment sends it for electronic signature at once', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    await validateAsOffice(pstage, convention.id);
    const { client: office } = await launchOffice(pstage);
    const officePage = `/office/conventions/${convention.id}/amendments`;
    await office.submit(officePage, { kinds: 'dates', startDate: `${nextYear}-03-02`, endDate: `${nextYear}-07-24` });
    pstage.services.config.signature.autoSend = true;
    try {
      expect((await office.submit(officePage, {}, `${officePage}/1/validate`)).location).toBe(`${officePage}?done=validate-1`);
    } finally {
      pstage.services.config.signature.autoSend = false;
    }
    const [stored] = await pstage.database.db.select().from(amendments);
    expect(stored.state).toBe('validated');
    expect(stored.signaturePdfSha256).toMatch(/^[0-9a-f]{64}$/);
    const rows = await pstage.database.db.select().from(signatureRequests);
    expect(rows.every((row) => row.amendmentId === stored.id)).toBe(true);
    expect(rows.map((row) => row.party).sort()).toEqual(['academic_tutor', 'host_signatory', 'professional_tutor', 'student']);
    const audited = (await pstage.database.db.select().from(auditLog)).find((row) => row.action === 'amendment.signature_sent');
    expect(audited).toMatchObject({ targetId: String(convention.id), details: { number: 1 } });
    await deliver();
    const link = linkIn(rows.find((row) => row.party === 'host_signatory')!.email);
    expect((await pdfText(link)).sha256).toBe(stored.signaturePdfSha256);
    expect((await office.request(officePage)).text).toContain('lien de signature envoyé');
  }, 120_000);
});
