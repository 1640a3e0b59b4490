import request from 'supertest';
import { addDays } from '../../../src/domain/calendarDate';
import { movableClock } from '../../support/clock';
import { completeConvention, passOn, plannedEnd, tutorAnswers, tutorLinkFromMail } from '../../support/endOfInternship';
import { useTestPstage } from '../../support/pstage';
import { useSignatureMailbox } from '../../support/signatureMailbox';
import { launchHead } from '../programme/programmeHelpers';

const clock = movableClock();
const pstage = useTestPstage({ clock });
const mailbox = useSignatureMailbox(pstage);
afterEach(() => clock.reset());

async function tutorSubmits(conventionId: number) {
  await passOn(pstage, addDays(plannedEnd, -10));
  const { path } = await tutorLinkFromMail(pstage, mailbox, conventionId);
  const answered = await request(pstage.url)
    .post(`${path}/evaluation`)
    .type('form')
    .send({ ...tutorAnswers, comment: 'Très bon stage, autonome.', intent: 'submit' });
  expect(answered.status).toBe(200);
}

const policy = (internSees: 'yes' | 'no') => ({
  tutorTemplateId: '',
  studentTemplateId: '',
  referentTemplateId: '',
  tutorDaysBefore: '10',
  internSeesTutorEvaluation: internSees,
});

describe("the intern reads the tutor's evaluation", () => {
  it('once submitted, when the programme allows it: a link on the student home, the answers read-only', async () => {
    const { id, client } = await completeConvention(pstage);
    const head = await launchHead(pstage);
    await head.client.submit(`/programme/${head.programmeId}/evaluations/settings`, policy('yes'));
    const path = `/student/conventions/${id}/evaluation/tutor`;
    expect((await client.request(path)).status).toBe(404);

    await tutorSubmits(id);
    clock.moveTo(plannedEnd);
    const home = await client.request('/student');
    expect(home.text).toContain(`href="${path}"`);
    const page = await client.request(path);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Très bon stage, autonome.');
    expect(page.text).toContain('Appréciation générale');
    expect(page.text).not.toContain('name="intent"');
  });

  it('is not shown when the programme keeps it for itself (the default), nor to another student', async () => {
    const { id, client } = await completeConvention(pstage);
    await tutorSubmits(id);
    const path = `/student/conventions/${id}/evaluation/tutor`;
    expect((await client.request(path)).status).toBe(404);
    expect((await client.request('/student')).text).not.toContain(path);

    const head = await launchHead(pstage);
    await head.client.submit(`/programme/${head.programmeId}/evaluations/settings`, policy('yes'));
    expect((await client.request(path)).status).toBe(200);
    const { client: other } = await pstage.launch('elodie-lefevre', 'm1-info');
    expect((await other.request(path)).status).toBe(404);
  });
});
