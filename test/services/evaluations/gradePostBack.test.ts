import { eq } from 'drizzle-orm';
import pino from 'pino';
import request from 'supertest';
import { addDays } from '../../../src/domain/calendarDate';
import { outboxRepository } from '../../../src/models/outboxRepository';
import { programmeEvaluationSettings } from '../../../src/models/schema';
import { agsPostBacksFor, gradeLineItemTag } from '../../../src/services/evaluations/gradePostBack';
import { createOutboxWorker } from '../../../src/services/outbox/worker';
import { movableClock } from '../../support/clock';
import { completeConvention, passOn, plannedEnd, tutorAnswers, tutorLinkFromMail } from '../../support/endOfInternship';
import { useTestPstage } from '../../support/pstage';
import { useSignatureMailbox } from '../../support/signatureMailbox';
import { launchHead } from '../../routes/programme/programmeHelpers';

const clock = movableClock();
const pstage = useTestPstage({ clock });
const mailbox = useSignatureMailbox(pstage);
afterEach(() => clock.reset());
beforeEach(() => {
  pstage.devPlatform!.clearGradebook();
  pstage.devPlatform!.setLinkGraded('m1-info', true);
});

const agsWorker = () =>
  createOutboxWorker({
    db: pstage.database.db,
    handlers: { ags: agsPostBacksFor(pstage.services) },
    logger: pino({ level: 'silent' }),
    retryDelay: () => 60_000,
  });

async function tutorSubmits(conventionId: number, overall: string) {
  await passOn(pstage, addDays(plannedEnd, -10));
  const { path } = await tutorLinkFromMail(pstage, mailbox, conventionId);
  const answered = await request(pstage.url)
    .post(`${path}/evaluation`)
    .type('form')
    .send({ ...tutorAnswers, overall, intent: 'submit' });
  expect(answered.status).toBe(200);
}

async function headPostsGrades(postGrade: 'yes' | 'no') {
  const head = await launchHead(pstage);
  const saved = await head.client.submit(`/programme/${head.programmeId}/evaluations/settings`, {
    tutorTemplateId: '',
    studentTemplateId: '',
    referentTemplateId: '',
    tutorDaysBefore: '10',
    postGrade,
  });
  expect(saved.status).toBe(303);
  return head;
}

const gradeRows = async () =>
  (await outboxRepository.list(pstage.database.db, { kind: 'ags' })).filter(
    (row) => (row.payload as { type?: string }).type === 'evaluationGrade',
  );

describe("the tutor's mark in the LMS gradebook (AGS)", () => {
  it('when the programme enables it, the overall mark goes to a column of its own, "Évaluation du stage" out of 5', async () => {
    const { id } = await completeConvention(pstage);
    const head = await headPostsGrades('yes');
    await agsWorker().runOnce();
    const progressColumn = pstage.devPlatform!.columnOf('m1-info');
    const progressScores = pstage.devPlatform!.scoresOn(progressColumn.id).length;

    await tutorSubmits(id, '4');
    expect(await gradeRows()).toHaveLength(1);
    expect(await agsWorker().runOnce()).toMatchObject({ failed: 0 });

    const column = pstage.devPlatform!.gradebook().lineItems.find((item) => item.tag === gradeLineItemTag)!;
    expect(column).toMatchObject({ label: 'Évaluation du stage', scoreMaximum: 5, contextId: 'course-m1-info' });
    expect(pstage.devPlatform!.scoresOn(column.id)).toEqual([
      expect.objectContaining({
        userId: '101',
        scoreGiven: 4,
        scoreMaximum: 5,
        activityProgress: 'Completed',
        gradingProgress: 'FullyGraded',
      }),
    ]);
    // The progress column is left as it was.
    expect(pstage.devPlatform!.scoresOn(progressColumn.id)).toHaveLength(progressScores);
    const [settings] = await pstage.database.db
      .select()
      .from(programmeEvaluationSettings)
      .where(eq(programmeEvaluationSettings.programmeId, head.programmeId));
    expect(settings.gradeLineItemUrl).toBe(column.id);
  });

  it('posts nothing when the programme does not enable it', async () => {
    const { id } = await completeConvention(pstage);
    await headPostsGrades('no');
    await tutorSubmits(id, '4');
    expect(await gradeRows()).toHaveLength(0);
  });
});
