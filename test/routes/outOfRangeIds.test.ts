import { conventionEvents, conventions, officeGrants, subjects } from '../../src/models/schema';
import { BrowserlessClient } from '../support/browserlessClient';
import { useTestPstage } from '../support/pstage';
import { conventionReadyToValidate, launchOffice, reload } from '../services/office/officeJourney';
import { launchHead } from './programme/programmeHelpers';

const pstage = useTestPstage();

/** One past the int4 columns' range, a huge number, and the forms numbers take in JavaScript but not in SQL. */
const outOfRange = ['2147483648', '99999999999999999999', '1e3', '0', '-1', '4.5'];

async function serverStillAnswers() {
  expect((await fetch(new URL('/health', pstage.url))).status).toBe(200);
}

describe('an id outside the database column’s range names nothing', () => {
  it('in the path of the programme’s, the office’s and the student’s pages: 404, and the server still answers', async () => {
    const head = await launchHead(pstage);
    for (const id of outOfRange) {
      expect([id, (await head.client.request(`/programme/${id}`)).status]).toEqual([id, 404]);
      expect([id, (await head.client.request(`/programme/${head.programmeId}/subjects/${id}`)).status]).toEqual([id, 404]);
      expect([id, (await head.client.request(`/documents/conventions/${id}/convention.pdf`)).status]).toEqual([id, 404]);
    }
    const office = await launchOffice(pstage);
    const csrf = BrowserlessClient.csrfToken((await office.client.request('/office/platforms')).text);
    for (const id of outOfRange) {
      for (const path of [`/office/conventions/${id}`, `/office/organisations/${id}`, `/office/organisations/${id}/edit`]) {
        expect([path, (await office.client.request(path)).status]).toEqual([path, 404]);
      }
    }
    // The outbox's ids are bigserial: a bigger id is fine, one past JavaScript's safe integers is not.
    expect((await office.client.request('/office/deliveries/9007199254740992/retry', { form: { _csrf: csrf } })).status).toBe(404);
    expect((await office.client.request('/office/deliveries/9007199254740991/retry', { form: { _csrf: csrf } })).status).toBe(409);
    const { client: student } = await pstage.launch('camille-martin', 'm1-info');
    expect((await student.request('/student/conventions/2147483648/personal')).status).toBe(404);
    expect((await student.request('/student/subject/2147483648')).status).toBe(404);
    await serverStillAnswers();
  });

  it('in the office’s staff form: the field’s error, or 400, and no grant written', async () => {
    const office = await launchOffice(pstage);
    const csrf = BrowserlessClient.csrfToken((await office.client.request('/office/platforms')).text);
    for (const userId of outOfRange) {
      const granted = await office.client.request('/office/staff/grant', { form: { _csrf: csrf, userId, reason: 'Renfort' } });
      expect([userId, granted.status, granted.location]).toEqual([userId, 303, '/office/staff#grant']);
      expect((await office.client.request('/office/staff/revoke', { form: { _csrf: csrf, userId } })).status).toBe(400);
    }
    expect(await pstage.database.db.select().from(officeGrants)).toEqual([]);
    await serverStillAnswers();
  });

  it('in an office action’s version or document: a conflict or the field’s error, nothing written', async () => {
    const { convention } = await conventionReadyToValidate(pstage);
    const office = await launchOffice(pstage);
    const page = `/office/conventions/${convention.id}`;
    const csrf = BrowserlessClient.csrfToken((await office.client.request(page)).text);
    const validated = await office.client.request(`${page}/validate`, { form: { _csrf: csrf, version: '2147483648', overrideReason: '' } });
    expect(validated).toMatchObject({ status: 303, location: `${page}#validate` });
    expect((await office.client.request(page)).text).toContain('modifié par quelqu&#39;un d&#39;autre');
    const reviewed = await office.client.request(`${page}/certificate`, {
      form: { _csrf: csrf, version: String(convention.version), documentId: '2147483648', decision: 'accepted' },
    });
    expect(reviewed).toMatchObject({ status: 303, location: `${page}#certificate` });
    expect((await reload(pstage, convention.id)).state).toBe('submitted');
    expect((await pstage.database.db.select().from(conventionEvents)).map((event) => event.event)).toEqual(['create', 'submit']);
    const merged = await office.client.request(`/office/organisations/${convention.organisationId}/merge`, {
      form: { _csrf: csrf, candidateId: '2147483648', survivorId: String(convention.organisationId), version: '1', candidateVersion: '1' },
    });
    expect(merged.status).toBe(400);
    expect((await office.client.request(`/office/conventions?programmeId=2147483648&organisationId=99999999999`)).status).toBe(200);
    expect((await office.client.request('/office/organisations?page=1e300')).status).toBe(200);
    expect((await office.client.request('/office/audit?actor=99999999999&page=99999999999')).status).toBe(200);
    await serverStillAnswers();
  });

  it('in the programme head’s bulk forms: the field’s error, nothing assigned', async () => {
    const head = await launchHead(pstage);
    const base = `/programme/${head.programmeId}`;
    for (const tutor of ['teacher:2147483648', 'user:9999999999']) {
      const posted = await head.client.request(`${base}/students/tutor`, { form: { _csrf: head.csrf, studentIds: '1', tutor } });
      expect([tutor, posted.status, posted.location]).toEqual([tutor, 303, `${base}#students`]);
    }
    const validated = await head.client.request(`${base}/students/validate`, {
      form: { _csrf: head.csrf, studentIds: ['1', '2147483648'] },
    });
    expect(validated).toMatchObject({ status: 303, location: `${base}#students` });
    await serverStillAnswers();
  });

  it('in the student’s forms: a choice of service, contact, tutor or programme out of range is the field’s error, nothing saved', async () => {
    const { client, page } = await pstage.launch('camille-martin', 'm1-info');
    const csrf = BrowserlessClient.csrfToken(page.text);
    expect((await client.request('/student/conventions', { form: { _csrf: csrf, programmeId: '2147483648' } })).status).toBe(400);
    expect(await pstage.database.db.select().from(conventions)).toEqual([]);
    const subject = await client.submit(
      '/student/subject/new',
      { programmeId: '2147483648', title: 'Sujet', description: 'Description' },
      '/student/subject',
    );
    expect(subject).toMatchObject({ status: 303, location: '/student/subject/new' });
    expect(await pstage.database.db.select().from(subjects)).toEqual([]);

    const started = await client.request('/student/conventions', { form: { _csrf: csrf } });
    const base = started.location!.replace(/\/personal$/, '');
    const [draft] = await pstage.database.db.select().from(conventions);
    // The steps' pages are not reachable yet; their posts parse the form before anything else.
    for (const [step, choice] of [
      ['service', '2147483648'],
      ['tutor', '99999999999'],
      ['signatory', '2147483648'],
      ['academic-tutor', 'teacher-2147483648'],
      ['academic-tutor', 'staff-99999999999'],
    ]) {
      const posted = await client.request(`${base}/${step}`, { form: { _csrf: csrf, version: String(draft.version), choice } });
      expect([step, choice, posted.status, posted.location]).toEqual([step, choice, 303, `${base}/${step}`]);
    }
    const organisation = await client.request(`${base}/organisation/choose`, {
      form: { _csrf: csrf, version: String(draft.version), organisationId: '2147483648' },
    });
    expect(organisation.status).toBeLessThan(500);
    const personal = await client.request(`${base}/personal`, { form: { _csrf: csrf, version: '2147483648' } });
    expect(personal.status).toBeLessThan(500);
    expect(await pstage.database.db.select().from(conventions)).toEqual([draft]);
    await serverStillAnswers();
  });
});
