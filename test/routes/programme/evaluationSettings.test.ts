import { eq } from 'drizzle-orm';
import { addDays } from '../../../src/domain/calendarDate';
import { auditLog, evaluations, programmeEvaluationSettings } from '../../../src/models/schema';
import { movableClock } from '../../support/clock';
import { completeConvention, passOn, plannedEnd } from '../../support/endOfInternship';
import { useTestPstage } from '../../support/pstage';
import { launchHead } from './programmeHelpers';

const clock = movableClock();
const pstage = useTestPstage({ clock });

const settingsPath = (programmeId: number) => `/programme/${programmeId}/evaluations/settings`;
const defaults = {
  tutorTemplateId: '',
  studentTemplateId: '',
  referentTemplateId: '',
  tutorDaysBefore: '10',
  internSeesTutorEvaluation: 'no',
  shareHostRatings: 'no',
  postGrade: 'no',
};

describe("a programme's evaluation settings", () => {
  it('the programme head sets how many days before the end the tutor evaluation opens: the scheduler follows it', async () => {
    const { id, convention } = await completeConvention(pstage);
    const head = await launchHead(pstage);
    expect(convention.programmeId).toBe(head.programmeId);
    const page = await head.client.request(settingsPath(head.programmeId));
    expect(page.status).toBe(200);
    expect(page.text).toContain('Questionnaire fourni par défaut');

    const saved = await head.client.submit(settingsPath(head.programmeId), {
      ...defaults,
      tutorDaysBefore: '20',
      internSeesTutorEvaluation: 'yes',
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`${settingsPath(head.programmeId)}?done=saved`);
    const [row] = await pstage.database.db.select().from(programmeEvaluationSettings);
    expect(row).toMatchObject({
      programmeId: head.programmeId,
      tutorDaysBefore: 20,
      internSeesTutorEvaluation: true,
      shareHostRatings: false,
    });
    expect((await head.client.request(settingsPath(head.programmeId))).text).toMatch(/name="tutorDaysBefore" value="20"/);
    const audit = await pstage.database.db.select().from(auditLog).where(eq(auditLog.action, 'programme.evaluation_settings'));
    expect(audit).toHaveLength(1);

    await passOn(pstage, addDays(plannedEnd, -21));
    expect(await pstage.database.db.select().from(evaluations).where(eq(evaluations.conventionId, id))).toHaveLength(0);
    await passOn(pstage, addDays(plannedEnd, -20));
    const [opened] = await pstage.database.db.select().from(evaluations).where(eq(evaluations.conventionId, id));
    expect(opened).toMatchObject({ kind: 'tutor', status: 'draft' });
  });

  it('refuses a number of days out of range, or a template that does not exist, as field errors kept with the form', async () => {
    const head = await launchHead(pstage);
    const refused = await head.client.submit(settingsPath(head.programmeId), { ...defaults, tutorDaysBefore: '61' });
    expect(refused.status).toBe(303);
    const page = await head.client.request(settingsPath(head.programmeId));
    expect(page.text).toContain('Indiquez un nombre entier de jours, de 0 à 60.');
    expect(page.text).toMatch(/href="#tutorDaysBefore"/);
    expect(page.text).toMatch(/name="tutorDaysBefore" value="61"/);

    await head.client.submit(settingsPath(head.programmeId), { ...defaults, tutorTemplateId: '999' });
    const unknown = await head.client.request(settingsPath(head.programmeId));
    expect(unknown.text).toContain('Choisissez un questionnaire de ce type parmi ceux proposés.');
    expect(unknown.text).toMatch(/href="#tutorTemplateId"/);
    expect(await pstage.database.db.select().from(programmeEvaluationSettings)).toHaveLength(0);
  });

  it('a student of the programme cannot open the settings', async () => {
    const head = await launchHead(pstage);
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    expect((await client.request(settingsPath(head.programmeId))).status).toBe(403);
  });
});
