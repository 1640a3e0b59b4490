import { amendments, auditLog, conventionEvents } from '../../../src/models/schema';
import { generatedDocumentRepository } from '../../../src/models/generatedDocumentRepository';
import { flatten, pdfPages, prose } from '../../documents/pdfText';
import { download } from '../office/admin/support';
import { queuedMails } from '../../services/notifications/outboxMails';
import { completeAsOffice, reload, validateAsOffice } from '../../services/office/officeJourney';
import { nextYear, testClock } from '../../support/clock';
import { useTestPstage } from '../../support/pstage';
import { submitConventionAsStudent } from '../../support/studentJourney';
import type { FormFields } from '../../support/browserlessClient';

const pstage = useTestPstage();

/** validInternship: 2 March to 26 June of next year, 35 h a week, 4,50 € an hour. */
async function validatedConvention(internship: FormFields = {}, complete = false) {
  const submitted = await submitConventionAsStudent(pstage, { internship });
  await validateAsOffice(pstage, submitted.convention.id);
  if (complete) await completeAsOffice(pstage, submitted.convention.id);
  const { client: office } = await pstage.launch('office', 'office');
  const id = submitted.convention.id;
  return {
    student: submitted.client,
    office,
    id,
    studentPage: `/student/conventions/${id}/amendments`,
    officePage: `/office/conventions/${id}/amendments`,
  };
}

const date = (iso: string) => iso.split('-').reverse().join('/');

async function signAll(office: Awaited<ReturnType<typeof validatedConvention>>['office'], page: string, number: number) {
  for (const party of ['student', 'host_signatory', 'professional_tutor', 'academic_tutor', 'dean']) {
    const posted = await office.submit(page, { party, signedAt: testClock.today() }, `${page}/${number}/signatures`);
    expect(posted.location).toBe(`${page}?done=signature-${number}`);
  }
}

describe('amendments (avenants)', () => {
  it('a student extends the internship; the office validates, records the signatures; the convention, its lists and CSV are as amended; the original PDF stays', async () => {
    const { student, office, id, studentPage, officePage } = await validatedConvention({}, true);
    expect((await student.request(`/student/conventions/${id}`)).text).toContain(`href="${studentPage}"`);
    const original = await office.download(`/documents/conventions/${id}/convention.pdf`);
    const before = await reload(pstage, id);

    const requested = await student.submit(studentPage, { kinds: 'dates', startDate: `${nextYear}-03-02`, endDate: `${nextYear}-07-24` });
    expect(requested.location).toBe(`${studentPage}?done=request`);
    const page = (await student.request(studentPage)).text;
    expect(page).toContain('Avenant n° 1');
    expect(page).toContain(`${date(`${nextYear}-06-26`)}</td><td>${date(`${nextYear}-07-24`)}`);
    expect(page).toContain('L&#39;avenant n° 1 est en cours');
    expect((await reload(pstage, id)).endDate).toBe(`${nextYear}-06-26`);

    const draft = await student.download(`${studentPage}/1/amendment.pdf`);
    expect(draft.headers.get('x-pstage-document')).toBe('draft');
    const draftText = flatten(await pdfPages(draft.bytes));
    expect(draftText).toContain(`Avenant n° 1 à la convention ${before.reference}`);
    expect(draftText).toContain('PROJET');

    expect((await office.submit(officePage, { reason: '' }, `${officePage}/1/refuse`)).location).toBe(`${officePage}#refuse-1`);
    expect((await office.request(officePage)).text).toContain('Ce champ est obligatoire');
    expect((await office.submit(officePage, {}, `${officePage}/1/validate`)).location).toBe(`${officePage}?done=validate-1`);
    const final = await office.download(`${officePage}/1/amendment.pdf`);
    expect(final.headers.get('x-pstage-document')).toBe('final');
    const text = prose(await pdfPages(final.bytes, '-raw'));
    expect(text).not.toContain('PROJET');
    expect(text).toContain(`Date de fin : ${date(`${nextYear}-06-26`)} → ${date(`${nextYear}-07-24`)}`);
    const hours = /Durée totale de présence : (\d+) h → (\d+) h/.exec(text)!;
    expect(Number(hours[1])).toBe(before.computedTotalHours);
    expect(text).toContain('924 heures');

    await signAll(office, officePage, 1);
    const amended = await reload(pstage, id);
    expect(amended).toMatchObject({ state: 'complete', startDate: `${nextYear}-03-02`, endDate: `${nextYear}-07-24` });
    expect(amended.computedTotalHours).toBe(Number(hours[2]));
    expect(amended.computedTotalHours).toBeGreaterThan(before.computedTotalHours!);
    expect((await office.request(officePage)).text).toContain('Signé, en vigueur');
    expect((await office.request(`/office/conventions/${id}`)).text).toContain(date(`${nextYear}-07-24`));
    const csv = (await download(office, '/office/internships/export.csv')).bytes.toString('utf8');
    expect(csv).toContain(`;${date(`${nextYear}-07-24`)};`);
    expect(csv).not.toContain(date(`${nextYear}-06-26`));

    expect((await office.download(`/documents/conventions/${id}/convention.pdf`)).bytes.equals(original.bytes)).toBe(true);

    const steps = (await queuedMails(pstage, 'amendmentStep')).map((mail) => `${mail.payload.data.step}:${mail.payload.to.email}`);
    expect(steps).toEqual(expect.arrayContaining(['requested:stages@localhost', 'validated:stages@localhost', 'signed:stages@localhost']));
    expect(steps.filter((step) => step.startsWith('signed:')).length).toBeGreaterThanOrEqual(4);
    const events = (await pstage.database.db.select().from(conventionEvents)).map((event) => event.event);
    expect(events).toEqual(
      expect.arrayContaining(['amendment_requested', 'amendment_validated', 'amendment_signature', 'amendment_signed']),
    );
    const audit = (await pstage.database.db.select().from(auditLog)).filter((entry) => entry.action === 'amendment.signed');
    expect(audit).toHaveLength(1);

    // Numbered per convention: the next one is n° 2.
    await office.submit(officePage, {
      kinds: 'termination',
      terminationDate: `${nextYear}-05-29`,
      terminationInitiative: 'host',
      terminationReason: 'Fermeture du service',
    });
    expect((await pstage.database.db.select().from(amendments)).map((row) => row.number).sort()).toEqual([1, 2]);
  }, 120_000);

  it('refuses bad requests with every field error at once and writes nothing', async () => {
    const { student, office, id, studentPage, officePage } = await validatedConvention();
    const version = String((await reload(pstage, id)).version);

    await student.submit(studentPage, {
      kinds: ['dates', 'gratification'],
      startDate: `${nextYear}-03-02`,
      endDate: `${nextYear}-02-01`,
      gratificationAmount: '5',
    });
    let page = (await student.request(studentPage)).text;
    expect(page).toContain('La date de fin ne peut pas précéder la date de début.');
    expect(page).toMatch(/id="request-gratificationFrom-error"[^>]*>/);
    expect(page).toMatch(/id="request-gratificationUnit-error"|request-gratificationFrom-error/);

    await student.submit(studentPage, {
      kinds: 'termination',
      terminationDate: `${nextYear}-07-01`,
      terminationInitiative: 'student',
      terminationReason: 'x',
    });
    page = (await student.request(studentPage)).text;
    expect(page).toContain(`La date de rupture doit tomber pendant le stage, du 02/03/${nextYear} à la veille du 26/06/${nextYear}.`);

    await student.submit(studentPage, {});
    expect((await student.request(studentPage)).text).toContain('Choisissez au moins une modification.');

    // Stale version: the convention changed since the page was shown.
    const stale = await student.request(studentPage);
    await office.submit(officePage, { kinds: 'other', otherText: 'Changement de bureau' });
    await student.request(studentPage, {
      form: { _csrf: /name="_csrf" value="([^"]+)"/.exec(stale.text)![1], version, kinds: 'other', otherText: 'Autre' },
    });
    expect((await student.request(studentPage)).text).toContain('modifié par quelqu&#39;un d&#39;autre entre-temps');
    // One in progress at most.
    await office.request(officePage, {
      form: {
        _csrf: /name="_csrf" value="([^"]+)"/.exec((await office.request(officePage)).text)![1],
        version: String((await reload(pstage, id)).version),
        kinds: 'other',
        otherText: 'Encore',
      },
    });
    expect((await office.request(officePage)).text).toContain('Un autre avenant est déjà en cours');
    expect(await pstage.database.db.select().from(amendments)).toHaveLength(1);

    // Another student's convention does not exist for them.
    const { client: other } = await pstage.launch('elodie-lefevre', 'm1-info');
    expect((await other.request(studentPage)).status).toBe(404);
  }, 60_000);

  it('an extension that makes the gratification due is refused until it is given; an early termination ends the internship on its day', async () => {
    const { student, office, id, studentPage, officePage } = await validatedConvention({
      endDate: `${nextYear}-04-24`,
      gratificationAmount: '',
    });
    await student.submit(studentPage, { kinds: 'dates', startDate: `${nextYear}-03-02`, endDate: `${nextYear}-06-26` });
    expect((await student.request(studentPage)).text).toContain('Gratification obligatoire au-delà de 308');
    expect(await pstage.database.db.select().from(amendments)).toHaveLength(0);

    await student.submit(studentPage, {
      kinds: ['dates', 'gratification'],
      startDate: `${nextYear}-03-02`,
      endDate: `${nextYear}-06-26`,
      gratificationAmount: '4,50',
      gratificationUnit: 'hour',
      gratificationFrom: `${nextYear}-03-02`,
    });
    expect((await student.request(studentPage)).text).toContain('Avenant n° 1');
    await office.submit(officePage, { reason: 'Le tuteur part en congé' }, `${officePage}/1/refuse`);
    expect((await office.request(officePage)).text).toContain('Le tuteur part en congé');
    expect((await reload(pstage, id)).endDate).toBe(`${nextYear}-04-24`);

    await office.submit(officePage, {
      kinds: ['termination', 'place'],
      placeText: 'Site de Villeurbanne, 3 rue des Lilas',
      terminationDate: `${nextYear}-04-03`,
      terminationInitiative: 'host',
      terminationReason: 'Fermeture du service',
    });
    await office.submit(officePage, {}, `${officePage}/2/validate`);
    await signAll(office, officePage, 2);
    const ended = await reload(pstage, id);
    expect(ended.endDate).toBe(`${nextYear}-04-03`);
    expect(ended.place).toBe('Site de Villeurbanne, 3 rue des Lilas');
    const second = prose(await pdfPages((await office.download(`${officePage}/2/amendment.pdf`)).bytes, '-raw'));
    expect(second).toContain('Avenant n° 2');
    expect(second).toContain(
      `Rupture anticipée : ${date(`${nextYear}-04-03`)}, à l’initiative de l’organisme d’accueil : Fermeture du service`,
    );
    expect(second).toMatch(/Lieu du stage : .* → Site de Villeurbanne, 3 rue des Lilas/);
    expect(ended.computedTotalHours).toBeLessThan(200);
    expect(ended.state).toBe('validated');
    // The validated PDF, never downloaded before the amendments, was stored at the first request: the original dates.
    expect(await generatedDocumentRepository.findForConvention(pstage.database.db, id, 'convention_pdf')).toBeDefined();
    const original = flatten(await pdfPages((await office.download(`/documents/conventions/${id}/convention.pdf`)).bytes));
    expect(original).toContain(date(`${nextYear}-04-24`));
    expect(original).not.toContain(date(`${nextYear}-04-03`));
  }, 90_000);

  it('an interruption (period and reason, L124-15) outside the internship is a field error; inside, once signed, its days leave the hours', async () => {
    const { office, id, officePage } = await validatedConvention();
    const before = await reload(pstage, id);
    await office.submit(officePage, {
      kinds: 'interruption',
      interruptionStart: `${nextYear}-06-22`,
      interruptionEnd: `${nextYear}-07-03`,
      interruptionReason: '',
    });
    const refused = (await office.request(officePage)).text;
    expect(refused).toMatch(/id="request-interruptionStart-error"/);
    expect(refused).toMatch(/id="request-interruptionReason-error"/);
    expect(await pstage.database.db.select().from(amendments)).toHaveLength(0);

    const period = { start: `${nextYear}-05-10`, end: `${nextYear}-05-21` };
    await office.submit(officePage, {
      kinds: 'interruption',
      interruptionStart: period.start,
      interruptionEnd: period.end,
      interruptionReason: 'Hospitalisation du stagiaire',
    });
    expect((await office.submit(officePage, {}, `${officePage}/1/validate`)).location).toBe(`${officePage}?done=validate-1`);
    const text = prose(await pdfPages((await office.download(`${officePage}/1/amendment.pdf`)).bytes, '-raw'));
    expect(text).toContain(`Interruptions : — → ${date(period.start)} – ${date(period.end)}`);
    expect(text).toContain('Motif de l’interruption : Hospitalisation du stagiaire');
    await signAll(office, officePage, 1);
    const amended = await reload(pstage, id);
    expect(amended.interruptions).toEqual([expect.objectContaining(period)]);
    expect(amended.endDate).toBe(before.endDate);
    // Two weeks of 35 h fewer (a holiday in them would make it less).
    expect(amended.computedTotalHours).toBeLessThan(before.computedTotalHours!);
    expect(amended.computedTotalHours).toBeGreaterThanOrEqual(before.computedTotalHours! - 70);
  }, 90_000);
});
