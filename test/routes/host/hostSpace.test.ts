import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import request from 'supertest';
import { addDays } from '../../../src/domain/calendarDate';
import { auditLog, evaluations, hostSpaceLinks, internshipProgress } from '../../../src/models/schema';
import { signatureTokenFor } from '../../../src/services/signature/signatureToken';
import { enqueueEvaluationReminders } from '../../../src/services/evaluations/evaluationReminders';
import { reopenEvaluation } from '../../../src/services/evaluations/answerEvaluation';
import { attestationScanMaxBytes } from '../../../src/services/evaluations/hostAttestation';
import { movableClock, nextYear } from '../../support/clock';
import { useTestPstage } from '../../support/pstage';
import { readCsv } from '../../support/readCsv';
import { launchHead } from '../programme/programmeHelpers';
import { pdfPages, prose } from '../../documents/pdfText';
import { useSignatureMailbox } from '../../support/signatureMailbox';
import {
  completeConvention as completeFor,
  noon,
  passOn as passFor,
  plannedEnd,
  tutorAnswers,
  tutorLinkFromMail,
} from '../../support/endOfInternship';

const clock = movableClock();
const pstage = useTestPstage({ clock });
const { deliver, mailsTo, codeIn } = useSignatureMailbox(pstage);
afterEach(() => clock.reset());

const completeConvention = () => completeFor(pstage);
/** The daily scheduler's step on `day`. */
const passOn = (day: string) => passFor(pstage, day);
const tutorLink = (conventionId: number) => tutorLinkFromMail(pstage, { deliver, mailsTo }, conventionId);

async function progressOf(id: number) {
  const [row] = await pstage.database.db.select().from(internshipProgress).where(eq(internshipProgress.conventionId, id));
  return row?.state;
}

describe("the host's space and the evaluations at the end of the internship", () => {
  it('moves the internship through its states, mails the tutor their link 10 days before the end, keeps drafts, then the answers are read-only', async () => {
    const { id, client: student } = await completeConvention();
    expect(await passOn(`${nextYear}-03-01`)).toBe(0);
    expect(await progressOf(id)).toBeUndefined();
    await passOn(`${nextYear}-03-02`);
    expect(await progressOf(id)).toBe('in_progress');
    await passOn(addDays(plannedEnd, -11));
    expect(await pstage.database.db.select().from(hostSpaceLinks)).toHaveLength(0);

    await passOn(addDays(plannedEnd, -10));
    // Idempotent: a second pass the same day (or another instance) opens and mails nothing more.
    expect(await passOn(addDays(plannedEnd, -10))).toBe(0);
    const { link, path, mail } = await tutorLink(id);
    expect(mail.subject).toContain('votre évaluation');
    expect(mailsTo(link.email)).toHaveLength(1);
    expect(link.tokenHash).not.toContain(path.slice('/host/'.length));

    const space = await request(pstage.url).get(path);
    expect(space.status).toBe(200);
    expect(space.text).toContain('Évaluation du stagiaire');
    expect(space.text).toContain('Compétences techniques mises en œuvre');
    expect(space.text).toContain(`L&#39;attestation se complète à la fin du stage, à partir du 26/06/${nextYear}.`);
    const pdf = await request(pstage.url).get(`${path}/convention.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');

    // A draft keeps what is valid, without asking for the required answers.
    const draft = await request(pstage.url)
      .post(`${path}/evaluation`)
      .type('form')
      .send({ intent: 'draft', technicalSkills: '4', comment: 'Très bien' });
    expect(draft.status).toBe(200);
    expect(draft.text).toContain('Brouillon enregistré.');
    expect(draft.text).toMatch(/value="4" checked/);

    // A submission with required answers missing and a wrong value: every error at once, nothing submitted.
    const refused = await request(pstage.url).post(`${path}/evaluation`).type('form').send({ intent: 'submit', technicalSkills: '9' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Choisissez une note de 1 à 5.');
    expect(refused.text.match(/Répondez à cette question\./g)!.length).toBeGreaterThanOrEqual(6);

    const sent = await request(pstage.url)
      .post(`${path}/evaluation`)
      .type('form')
      .send({ intent: 'submit', ...tutorAnswers, comment: 'Très bien' });
    expect(sent.status).toBe(200);
    expect(sent.text).toContain('elle n&#39;est plus modifiable');
    expect(sent.text).not.toContain('name="technicalSkills"');
    const again = await request(pstage.url)
      .post(`${path}/evaluation`)
      .type('form')
      .send({ intent: 'submit', ...tutorAnswers, overall: '1' });
    expect(again.status).toBe(409);
    const [stored] = await pstage.database.db.select().from(evaluations).where(eq(evaluations.kind, 'tutor'));
    expect(stored).toMatchObject({ status: 'submitted', answers: { overall: 4, objectivesMet: true, comment: 'Très bien' } });

    // The office reopens it with a reason: the tutor answers again.
    const officeUser = await pstage.launch('office', 'office');
    const [{ userId }] = await pstage.database.db.select({ userId: auditLog.actorUserId }).from(auditLog).limit(1);
    await reopenEvaluation(pstage.database.db, {
      conventionId: id,
      kind: 'tutor',
      officeUserId: userId ?? 1,
      reason: 'Note à corriger',
      now: new Date(),
    });
    expect(officeUser).toBeDefined();
    const reopened = await request(pstage.url).get(path);
    expect(reopened.text).toContain('Le service des stages a rouvert cette évaluation : Note à corriger');
    expect(reopened.text).toContain('name="technicalSkills"');
    await request(pstage.url)
      .post(`${path}/evaluation`)
      .type('form')
      .send({ intent: 'submit', ...tutorAnswers, overall: '3' });

    // The end date: finished, the student's evaluation opens in their space and by mail.
    await passOn(plannedEnd);
    clock.moveTo(plannedEnd);
    expect(await progressOf(id)).toBe('finished');
    const base = `/student/conventions/${id}/evaluation`;
    const form = await student.request(base);
    expect(form.status).toBe(200);
    expect(form.text).toContain('Qualité de l&#39;accueil');
    const missing = await student.submit(base, { intent: 'submit', reception: '5' });
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('Répondez à cette question.');
    const done = await student.submit(base, {
      intent: 'submit',
      reception: '5',
      supervision: '4',
      missionsAsAnnounced: '3',
      recommend: 'yes',
      activities: ['development', 'analysis'],
    } as never);
    expect(done.status).toBe(200);
    expect(done.text).toContain('plus modifiable');
    expect(await progressOf(id)).toBe('evaluated');

    // The host completes the attestation: the computed hours prefilled, every error at once, then the PDF with its figures.
    const end = await request(pstage.url).get(path);
    const computed =
      /name="effectiveHours"[^>]*value="([^"]*)"/.exec(end.text)?.[1] ?? /value="([^"]*)"[^>]*name="effectiveHours"/.exec(end.text)?.[1];
    expect(Number(computed)).toBeGreaterThan(0);
    // Every error at once: the figures, a name that is not the tutor's, no code.
    const wrong = await request(pstage.url).post(`${path}/attestation`).type('form').send({
      intent: 'sign',
      effectiveHours: '0',
      totalGratificationPaid: 'beaucoup',
      signedName: 'Jean Autre',
      method: 'code',
      code: '',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain('Indiquez un nombre d&#39;heures supérieur à zéro.');
    expect(wrong.text).toContain('Indiquez un montant en euros');
    expect(wrong.text).toContain('Saisissez votre nom complet tel qu&#39;il figure sur cette page.');
    expect(wrong.text).toContain('Saisissez le code à 6 chiffres reçu par courriel.');
    // The code is mailed to the tutor's address; only its keyed hash is stored.
    const asked = await request(pstage.url)
      .post(`${path}/attestation`)
      .type('form')
      .send({ intent: 'code', effectiveHours: '540', totalGratificationPaid: '2 488,50', signedName: link.name });
    expect(asked.status).toBe(200);
    expect(asked.text).toContain(`Un code valable 10 minutes a été envoyé à ${link.email}.`);
    expect(asked.text).toContain('value="2 488,50"');
    await deliver();
    const code = codeIn(link.email);
    const [withCode] = await pstage.database.db.select().from(hostSpaceLinks).where(eq(hostSpaceLinks.id, link.id));
    expect(withCode.codeHash).not.toContain(code);
    expect(withCode.codeExpiresAt).not.toBeNull();
    const signing = { intent: 'sign', effectiveHours: '540', totalGratificationPaid: '2 488,50', signedName: link.name, method: 'code' };
    const badCode = await request(pstage.url)
      .post(`${path}/attestation`)
      .type('form')
      .send({ ...signing, code: code === '000000' ? '111111' : '000000' });
    expect(badCode.status).toBe(422);
    expect(badCode.text).toContain('Ce code n&#39;est pas le bon. Il vous reste 4 essais avec ce code.');
    const [counted] = await pstage.database.db.select().from(hostSpaceLinks).where(eq(hostSpaceLinks.id, link.id));
    expect(counted.codeAttempts).toBe(1);
    // More hours than the period allows (10 a day) is a field error on the page, not an error page; the code stays usable.
    const tooMany = await request(pstage.url)
      .post(`${path}/attestation`)
      .type('form')
      .send({ ...signing, effectiveHours: '4999', code });
    expect(tooMany.status).toBe(422);
    expect(tooMany.text).toContain('id="effectiveHours-error"');
    expect(tooMany.text).toContain('Plus d&#39;heures que la durée maximale de présence sur la période');
    expect(tooMany.text).toContain('value="4999"');
    expect(tooMany.text).toContain('href="#effectiveHours"');
    const attested = await request(pstage.url)
      .post(`${path}/attestation`)
      .type('form')
      .send({ ...signing, signedName: ` ${link.name.toUpperCase()} `, code });
    expect(attested.status).toBe(200);
    expect(attested.text).toContain(`(code envoyé à ${link.email}) : 540 h, 2488.5 €`);
    const [spent] = await pstage.database.db.select().from(hostSpaceLinks).where(eq(hostSpaceLinks.id, link.id));
    expect(spent.codeHash).toBeNull();
    const attestation = await fetch(`${pstage.url}${path}/attestation.pdf`);
    expect(attestation.status).toBe(200);
    const text = prose(await pdfPages(Buffer.from(await attestation.arrayBuffer()), '-raw'));
    expect(text).toContain('540');
    expect(text).toMatch(/2\s?488,50/);
    expect(text).toContain(`avec un code à usage unique envoyé à ${link.email}`);
    const student2 = await student.request(`/documents/conventions/${id}/attestation.pdf`);
    expect(student2.status).toBe(200);
  });

  it('the host may sign the attestation on paper and upload the scan, which the student and the office download', async () => {
    const { id, client: student } = await completeConvention();
    await passOn(addDays(plannedEnd, -10));
    const { link, path } = await tutorLink(id);
    await passOn(plannedEnd);
    clock.moveTo(plannedEnd);
    const fields = { intent: 'sign', effectiveHours: '540', totalGratificationPaid: '0', signedName: link.name, method: 'scan' };
    const post = (file?: { bytes: Buffer; name: string }) => {
      let form = request(pstage.url).post(`${path}/attestation`);
      for (const [name, value] of Object.entries(fields)) form = form.field(name, value);
      return file ? form.attach('scan', file.bytes, file.name) : form;
    };
    const missing = await post();
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('Joignez l&#39;attestation signée, en PDF.');
    const tooLarge = await post({ bytes: Buffer.alloc(attestationScanMaxBytes + 1, 0x25), name: 'attestation.pdf' });
    expect(tooLarge.status).toBe(422);
    expect(tooLarge.text).toContain('Le fichier dépasse 10 Mo.');
    expect(tooLarge.text).toContain('value="540"');
    const notPdf = await post({ bytes: Buffer.from('%PDF-1.7 only a name'), name: 'attestation.pdf' });
    expect(notPdf.status).toBe(422);
    expect(notPdf.text).toContain('Le fichier n&#39;est pas un PDF lisible.');
    const scanned = await PDFDocument.create();
    scanned.addPage();
    const bytes = Buffer.from(await scanned.save());
    const done = await post({ bytes, name: 'attestation signée.pdf' });
    expect(done.status).toBe(200);
    expect(done.text).toContain(`par ${link.name} (scan signé) : 540 h, 0 €`);
    expect(mailsTo(link.email).some((mail) => /code de signature/.test(mail.subject ?? ''))).toBe(false);

    expect((await request(pstage.url).post(`${path}/attestation`).type('form').send({ intent: 'code' })).status).toBe(409);
    expect((await student.request(`/student/conventions/${id}`)).text).toContain(
      `href="/documents/conventions/${id}/attestation-scan.pdf"`,
    );
    const fromStudent = await student.download(`/documents/conventions/${id}/attestation-scan.pdf`);
    expect(fromStudent.status).toBe(200);
    expect(Buffer.compare(fromStudent.bytes, bytes)).toBe(0);
    const office = (await pstage.launch('office', 'office')).client;
    expect((await office.request(`/office/conventions/${id}`)).text).toContain(`href="/documents/conventions/${id}/attestation-scan.pdf"`);
    expect((await office.download(`/documents/conventions/${id}/attestation-scan.pdf`)).status).toBe(200);
    const fromHost = await fetch(`${pstage.url}${path}/attestation-scan.pdf`);
    expect(Buffer.compare(Buffer.from(await fromHost.arrayBuffer()), bytes)).toBe(0);
    const attestation = await student.download(`/documents/conventions/${id}/attestation.pdf`);
    const text = prose(await pdfPages(attestation.bytes, '-raw'));
    expect(text).toContain(`par ${link.name} sur papier : l’attestation signée a été déposée dans Pstage.`);
  });

  it("the attestation's code is voided by the fifth wrong try, and the tutor gets at most five codes an hour", async () => {
    const { id } = await completeConvention();
    await passOn(addDays(plannedEnd, -10));
    const { link, path } = await tutorLink(id);
    // Before the end nothing is signed, so no code is mailed.
    const early = await request(pstage.url).post(`${path}/attestation`).type('form').send({ intent: 'code' });
    expect(early.status).toBe(409);
    await passOn(plannedEnd);
    clock.moveTo(plannedEnd);
    const figures = { effectiveHours: '540', totalGratificationPaid: '0', signedName: link.name, method: 'code' };
    const askCode = () =>
      request(pstage.url)
        .post(`${path}/attestation`)
        .type('form')
        .send({ intent: 'code', ...figures });
    expect((await askCode()).status).toBe(200);
    await deliver();
    const code = codeIn(link.email);
    const other = code === '000000' ? '111111' : '000000';
    const sign = (typed: string) =>
      request(pstage.url)
        .post(`${path}/attestation`)
        .type('form')
        .send({ intent: 'sign', ...figures, code: typed });
    for (let attempt = 1; attempt <= 4; attempt += 1) expect((await sign(other)).status).toBe(422);
    const fifth = await sign(other);
    expect(fifth.text).toContain('Code erroné 5 fois : ce code ne sert plus. Demandez un nouveau code.');
    const afterwards = await sign(code);
    expect(afterwards.status).toBe(422);
    expect(afterwards.text).toContain('Ce code a expiré ou n&#39;a pas été demandé.');

    for (let asked = 2; asked <= 5; asked += 1) expect((await askCode()).status).toBe(200);
    const sixth = await askCode();
    expect(sixth.status).toBe(422);
    expect(sixth.text).toContain('Vous avez déjà demandé 5 codes en une heure');
    await deliver();
    expect(mailsTo(link.email).filter((mail) => /code de signature/.test(mail.subject ?? ''))).toHaveLength(5);
    const newest = await sign(codeIn(link.email));
    expect(newest.status).toBe(200);
    expect(newest.text).toContain('code envoyé à');
  });

  it('refuses an expired, a revoked, a malformed or a foreign link with the same 404', async () => {
    const { id } = await completeConvention();
    await passOn(addDays(plannedEnd, -10));
    const { link, path } = await tutorLink(id);
    expect((await request(pstage.url).get(path)).status).toBe(200);
    // A signature link's secret for the same id is not a host link (the purpose is part of the derivation).
    expect((await request(pstage.url).get(`/host/${signatureTokenFor(pstage.services.config.encryptionKey, link.id)}`)).status).toBe(404);
    expect((await request(pstage.url).get('/host/not-a-token')).status).toBe(404);
    expect((await request(pstage.url).get(`/sign/${path.slice('/host/'.length)}`)).status).toBe(404);

    await pstage.database.db
      .update(hostSpaceLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(hostSpaceLinks.id, link.id));
    expect((await request(pstage.url).get(path)).status).toBe(404);
    expect(
      (
        await request(pstage.url)
          .post(`${path}/evaluation`)
          .type('form')
          .send({ intent: 'submit', ...tutorAnswers })
      ).status,
    ).toBe(404);

    await pstage.database.db
      .update(hostSpaceLinks)
      .set({ expiresAt: new Date(Date.now() + 86_400_000), status: 'revoked' })
      .where(eq(hostSpaceLinks.id, link.id));
    expect((await request(pstage.url).get(path)).status).toBe(404);
  });

  it("a student cannot open another student's evaluation, nor one not yet open", async () => {
    const { id, client } = await completeConvention();
    expect((await client.request(`/student/conventions/${id}/evaluation`)).status).toBe(404);
    await passOn(plannedEnd);
    expect((await client.request(`/student/conventions/${id}/evaluation`)).status).toBe(200);
    const other = await pstage.launch('elodie-lefevre', 'm1-info');
    expect((await other.client.request(`/student/conventions/${id}/evaluation`)).status).toBe(404);
  });

  it('the office sees who answered and the missing attestations, reopens with a reason, exports the results for Excel and prints them', async () => {
    const { id, client: student } = await completeConvention();
    await passOn(addDays(plannedEnd, -10));
    const { path } = await tutorLink(id);
    await request(pstage.url)
      .post(`${path}/evaluation`)
      .type('form')
      .send({ intent: 'submit', ...tutorAnswers, wouldHire: 'maybe' });
    await passOn(addDays(plannedEnd, 1));
    clock.moveTo(addDays(plannedEnd, 1));
    expect((await student.request('/student')).text).toContain(`href="/student/conventions/${id}/evaluation"`);
    expect((await student.request('/student')).text).toContain('data-internship-state="finished"');

    const office = (await pstage.launch('office', 'office')).client;
    const page = await office.request('/office/evaluations');
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-status="tutor-answered"');
    expect(page.text).toContain('data-status="student-draft"');
    expect(page.text).toContain('data-status="attestation-missing"');
    expect(page.text).toContain('Stage terminé');

    const csv = await office.download('/office/evaluations/results.csv?kind=tutor');
    expect(csv.status).toBe(200);
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const rows = readCsv(csv.text.slice(1));
    expect(rows[0]).toEqual(['Regroupement', 'Groupe', 'Question', 'Type', 'Réponses', 'Moyenne', 'Questionnaires', 'Date']);
    const overall = rows.filter((row) => row[2] === 'Appréciation générale');
    expect(overall.map((row) => [row[0], row[4], row[5], row[6]])).toEqual([
      ['Formation', '1', '4,00', '1'],
      ['Organisme', '1', '4,00', '1'],
    ]);

    // The programme head sees the averages of their programme; a student does not.
    const head = await launchHead(pstage);
    const programmePage = await head.client.request(`/programme/${head.programmeId}/evaluations`);
    expect(programmePage.status).toBe(200);
    expect(programmePage.text).toContain('Appréciation générale');
    expect((await student.request(`/programme/${head.programmeId}/evaluations`)).status).toBe(403);

    const pdf = await office.download(`/office/evaluations/${id}/tutor.pdf`);
    expect(pdf.status).toBe(200);
    const text = prose(await pdfPages(pdf.bytes, '-raw'));
    expect(text).toContain('Évaluation du stagiaire par le tuteur');
    expect(text).toContain('Appréciation générale');
    expect(text).toContain('Peut-être');
    expect((await office.download(`/office/evaluations/${id}/student.pdf`)).status).toBe(404);

    const noReason = await office.submit('/office/evaluations', { reason: '' }, `/office/evaluations/${id}/tutor/reopen`);
    expect(noReason.status).toBe(303);
    expect(noReason.location).toBe(`/office/evaluations#reason-${id}-tutor`);
    // The error names its field (which questionnaire of which convention), links to it, and the field tells it too.
    const refused = (await office.request(noReason.location!)).text;
    expect(refused).toMatch(
      new RegExp(
        `href="#reason-${id}-tutor">Motif de la réouverture — Évaluation du stagiaire par le tuteur, convention [^<:]+ : Indiquez le motif de la réouverture\\.</a>`,
      ),
    );
    expect(refused).toMatch(new RegExp(`id="reason-${id}-tutor"[^>]*aria-invalid="true" aria-describedby="reason-${id}-tutor-error"`));
    expect(refused).toContain(
      `<div class="invalid-feedback d-block" id="reason-${id}-tutor-error">Indiquez le motif de la réouverture.</div>`,
    );
    const reopened = await office.submit('/office/evaluations', { reason: 'Erreur de saisie' }, `/office/evaluations/${id}/tutor/reopen`);
    expect(reopened.location).toBe('/office/evaluations?done=reopened');
    expect((await request(pstage.url).get(path)).text).toContain('Erreur de saisie');
    const [audit] = await pstage.database.db.select().from(auditLog).where(eq(auditLog.action, 'evaluation.reopened'));
    expect(audit.details).toEqual({ kind: 'tutor', reason: 'Erreur de saisie' });
  });

  it('reminds an unanswered tutor at most once a week, with the same link, and stops once answered', async () => {
    const { id } = await completeConvention();
    const opened = addDays(plannedEnd, -10);
    await passOn(opened);
    const { link, path } = await tutorLink(id);
    const remind = (day: string) =>
      pstage.database.db.transaction((tx) => enqueueEvaluationReminders(tx, { config: pstage.services.config, now: noon(day) }));
    expect(await remind(addDays(opened, 6))).toBe(0);
    expect(await remind(addDays(opened, 8))).toBe(1);
    expect(await remind(addDays(opened, 9))).toBe(0);
    await deliver();
    const reminder = mailsTo(link.email).at(-1)!;
    expect(reminder.subject).toContain('Rappel');
    expect(reminder.text).toContain(`${pstage.url}${path}`);
    await request(pstage.url)
      .post(`${path}/evaluation`)
      .type('form')
      .send({ intent: 'submit', ...tutorAnswers });
    expect(await remind(addDays(opened, 20))).toBe(0);
  });
});
