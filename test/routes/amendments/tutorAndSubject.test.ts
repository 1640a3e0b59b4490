import { amendments } from '../../../src/models/schema';
import { outboxRepository } from '../../../src/models/outboxRepository';
import { progressSupersedeKey } from '../../../src/services/progress/enqueueProgressUpdate';
import { teacherRepository } from '../../../src/models/teacherRepository';
import { organisationRepository } from '../../../src/models/organisationRepository';
import { normalisePhone } from '../../../src/domain/formats/phone';
import { flatten, pdfPages } from '../../documents/pdfText';
import { queuedMails } from '../../services/notifications/outboxMails';
import { reload, validateAsOffice } from '../../services/office/officeJourney';
import { nextYear, testClock } from '../../support/clock';
import { useTestPstage } from '../../support/pstage';
import { submitConventionAsStudent } from '../../support/studentJourney';
import { launchHead } from '../programme/programmeHelpers';
import type { FormFields } from '../../support/browserlessClient';

const pstage = useTestPstage();

async function validatedConvention(internship: FormFields = {}) {
  const submitted = await submitConventionAsStudent(pstage, { internship });
  await validateAsOffice(pstage, submitted.convention.id);
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

async function signAll(office: Awaited<ReturnType<typeof validatedConvention>>['office'], page: string, number: number) {
  for (const party of ['student', 'host_signatory', 'professional_tutor', 'academic_tutor', 'dean']) {
    const posted = await office.submit(page, { party, signedAt: testClock.today() }, `${page}/${number}/signatures`);
    expect(posted.location).toBe(`${page}?done=signature-${number}`);
  }
}

/** The LMS post-back queued last for the convention's student (only the latest one per student is delivered). */
async function latestProgress(conventionId: number) {
  const convention = await reload(pstage, conventionId);
  const [latest] = await outboxRepository.list(pstage.database.db, {
    kind: 'ags',
    supersedeKey: progressSupersedeKey(convention.programmeId, convention.studentUserId),
    limit: 1,
  });
  return latest?.payload;
}

describe('amendments: tutors and subject', () => {
  it('a new professional tutor signs and becomes the convention’s, as a contact of the host; mails to host parties carry no dead link', async () => {
    const { office, id, officePage } = await validatedConvention();
    const before = await reload(pstage, id);

    await office.submit(officePage, { kinds: 'professionalTutor', tutorFirstName: 'Inès', tutorLastName: 'Garnier' });
    let page = (await office.request(officePage)).text;
    expect(page).toMatch(/id="request-tutorFunction-error"/);
    expect(page).toMatch(/id="request-tutorEmail-error"/);
    await office.submit(officePage, {
      kinds: 'professionalTutor',
      tutorCivility: 'Mme',
      tutorFirstName: 'Inès',
      tutorLastName: 'Garnier',
      tutorFunction: 'Responsable technique',
      tutorEmail: 'ines.garnier@example.com',
      tutorPhone: '06 12 34 56 78',
    });
    page = (await office.request(officePage)).text;
    expect(page).toContain('Avenant n° 1');
    expect(page).toContain('Inès Garnier</td>');
    expect(page).toContain(`/${1}/validate`);

    // The draft is rendered once, served again from the store; the validated one is rendered anew.
    const render = jest.spyOn(pstage.services.pdfRenderer, 'render');
    const draft = await office.download(`${officePage}/1/amendment.pdf`);
    expect((await office.download(`${officePage}/1/amendment.pdf`)).bytes.equals(draft.bytes)).toBe(true);
    expect(render.mock.calls.filter(([kind]) => kind === 'amendment')).toHaveLength(1);
    await office.submit(officePage, {}, `${officePage}/1/validate`);
    const final = await office.download(`${officePage}/1/amendment.pdf`);
    expect(render.mock.calls.filter(([kind]) => kind === 'amendment')).toHaveLength(2);
    render.mockRestore();
    expect(final.headers.get('x-pstage-document')).toBe('final');
    const pdf = flatten(await pdfPages(final.bytes));
    expect(pdf).toContain('Tuteur ou tutrice de stage dans l’organisme d’accueil');
    expect(pdf).toContain('Inès Garnier');
    const toSign = (await queuedMails(pstage, 'amendmentStep')).filter((mail) => mail.payload.data.step === 'validated');
    expect(toSign.map((mail) => mail.payload.to.email)).toContain('ines.garnier@example.com');
    for (const mail of toSign.filter((mail) => !mail.payload.to.email.startsWith('stages@')))
      if (mail.payload.to.email !== before.student.email) expect(mail.payload.data.path).toBe('');

    expect(await latestProgress(id)).toMatchObject({ conventionState: 'validated', amendment: { number: 1, state: 'validated' } });
    await signAll(office, officePage, 1);
    expect(await latestProgress(id)).toMatchObject({ conventionState: 'validated', amendment: { number: 1, state: 'signed' } });
    const amended = await reload(pstage, id);
    expect(amended.professionalTutorId).not.toBe(before.professionalTutorId);
    const tutor = await organisationRepository.findContactById(pstage.database.db, amended.professionalTutorId!);
    expect(tutor).toMatchObject({
      firstName: 'Inès',
      lastName: 'Garnier',
      organisationId: before.organisationId,
      phone: normalisePhone('06 12 34 56 78'),
    });
    expect((amended.frozenSnapshot as { professionalTutor: { email: string } }).professionalTutor.email).toBe('ines.garnier@example.com');
  }, 90_000);

  it('a change of subject and referent waits for the programme head, who approves it (or refuses it with a comment) before the office', async () => {
    const { student, office, id, studentPage, officePage } = await validatedConvention();
    const before = await reload(pstage, id);
    const head = await launchHead(pstage);
    const db = pstage.database.db;
    const other = await teacherRepository.create(db, {
      civility: 'M.',
      firstName: 'Paul',
      lastName: 'Renard',
      email: 'paul.renard@univ.example.fr',
      userId: null,
      programmeId: before.programmeId,
    });

    await student.submit(studentPage, { kinds: 'academicTutor', academicTutorId: String(before.academicTutorId) });
    expect((await student.request(studentPage)).text).toContain('C&#39;est déjà l&#39;enseignant référent');
    await student.submit(studentPage, { kinds: 'academicTutor', academicTutorId: '999999' });
    expect((await student.request(studentPage)).text).toMatch(/id="request-academicTutorId-error"/);
    expect(await db.select().from(amendments)).toHaveLength(0);

    await student.submit(studentPage, {
      kinds: ['academicTutor', 'subject'],
      academicTutorId: String(other.id),
      activities: 'Conception d’un entrepôt de données',
      skills: '',
    });
    expect((await student.request(studentPage)).text).toContain('en attente de l&#39;accord du responsable de la formation');
    const toAgree = (await queuedMails(pstage, 'amendmentStep')).filter((mail) => mail.payload.data.step === 'toAgree');
    expect(toAgree.length).toBeGreaterThan(0);
    const programmePage = `/programme/${head.programmeId}/conventions/${id}`;
    expect(toAgree[0].payload.data.path).toBe(`${programmePage}#amendment-1`);

    // The office cannot validate before the programme head: no form, and a forged post is refused.
    expect((await office.request(officePage)).text).not.toContain('/1/validate');
    await office.submit(officePage, {}, `${officePage}/1/validate`).catch(() => undefined);
    expect((await office.request(officePage)).text).toContain('attend l&#39;accord du responsable');

    const panel = (await head.client.request(`/programme/${head.programmeId}`)).text;
    expect(panel).toContain(`href="${programmePage}#amendment-1"`);
    const headPage = (await head.client.request(programmePage)).text;
    expect(headPage).toContain('Paul Renard');
    expect(headPage).toContain('Conception d’un entrepôt de données');
    await head.client.submit(programmePage, { number: '1', decision: 'refused', comment: '' }, `${programmePage}/amendments/1/agreement`);
    expect((await head.client.request(programmePage)).text).toContain('Indiquez un commentaire pour expliquer le refus.');
    const agreed = await head.client.submit(programmePage, { number: '1', decision: 'agreed' }, `${programmePage}/amendments/1/agreement`);
    expect(agreed.location).toBe(`${programmePage}?done=agree#amendment-1`);
    // Once answered, a second answer is refused.
    await head.client.submit(
      programmePage,
      { number: '1', decision: 'refused', comment: 'Non' },
      `${programmePage}/amendments/1/agreement`,
    );
    expect((await head.client.request(programmePage)).text).toContain('n&#39;attend plus l&#39;accord');
    // Another programme's head does not see it.
    const chemistry = await launchHead(pstage, 'sophie-bernard', 'l3-chimie');
    expect((await chemistry.client.request(`/programme/${chemistry.programmeId}/conventions/${id}`)).status).toBe(404);
    const forged = await chemistry.client.request(`/programme/${chemistry.programmeId}/conventions/${id}/amendments/1/agreement`, {
      form: { _csrf: chemistry.csrf, number: '1', decision: 'refused', comment: 'Non' },
    });
    expect(forged.status).toBe(404);

    expect((await head.client.request(`/programme/${head.programmeId}`)).text).not.toContain('amendments-to-agree');
    expect((await office.request(officePage)).text).toContain('Approuvé par le responsable de la formation');
    expect((await office.submit(officePage, {}, `${officePage}/1/validate`)).location).toBe(`${officePage}?done=validate-1`);
    await signAll(office, officePage, 1);
    const amended = await reload(pstage, id);
    expect(amended).toMatchObject({ academicTutorId: other.id, activities: 'Conception d’un entrepôt de données', skills: before.skills });
    expect((await queuedMails(pstage, 'amendmentStep')).map((mail) => mail.payload.to.email)).toContain('paul.renard@univ.example.fr');
  }, 90_000);

  it('a programme head’s refusal ends the amendment with their comment; the convention stays', async () => {
    const { student, id, studentPage } = await validatedConvention();
    const head = await launchHead(pstage);
    await student.submit(studentPage, { kinds: 'subject', activities: 'Autre chose' });
    const programmePage = `/programme/${head.programmeId}/conventions/${id}`;
    await head.client.submit(
      programmePage,
      { number: '1', decision: 'refused', comment: 'Hors du champ de la formation' },
      `${programmePage}/amendments/1/agreement`,
    );
    const page = (await student.request(studentPage)).text;
    expect(page).toContain('Refusé');
    expect(page).toContain('Hors du champ de la formation');
    expect((await reload(pstage, id)).activities).not.toBe('Autre chose');
    const steps = (await queuedMails(pstage, 'amendmentStep')).map((mail) => mail.payload.data.step);
    expect(steps).toContain('programmeRefused');
  }, 60_000);

  it('a gratification made due by an extension cannot start after the first day', async () => {
    const { student, studentPage } = await validatedConvention({ endDate: `${nextYear}-04-24`, gratificationAmount: '' });
    const extension = { kinds: ['dates', 'gratification'], startDate: `${nextYear}-03-02`, endDate: `${nextYear}-06-26` };
    await student.submit(studentPage, {
      ...extension,
      gratificationAmount: '4,50',
      gratificationUnit: 'hour',
      gratificationFrom: `${nextYear}-05-04`,
    });
    expect((await student.request(studentPage)).text).toContain('La gratification est due dès le premier jour du stage');
    expect(await pstage.database.db.select().from(amendments)).toHaveLength(0);
    await student.submit(studentPage, {
      ...extension,
      gratificationAmount: '4,50',
      gratificationUnit: 'hour',
      gratificationFrom: `${nextYear}-03-02`,
    });
    expect(await pstage.database.db.select().from(amendments)).toHaveLength(1);
  }, 60_000);
});
