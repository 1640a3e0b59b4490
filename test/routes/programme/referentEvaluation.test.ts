import { eq } from 'drizzle-orm';
import { addDays } from '../../../src/domain/calendarDate';
import { evaluations, internshipProgress, users } from '../../../src/models/schema';
import { evaluationsIn } from '../../../src/services/evaluations/advanceInternships';
import { enqueueEvaluationReminders } from '../../../src/services/evaluations/evaluationReminders';
import { movableClock } from '../../support/clock';
import { completeConvention, noon, passOn, plannedEnd } from '../../support/endOfInternship';
import { useTestPstage } from '../../support/pstage';
import { launchOffice } from '../../services/office/officeJourney';
import { launchHead } from './programmeHelpers';

const clock = movableClock();
const pstage = useTestPstage({ clock });
afterEach(() => clock.reset());

/** Jean Dupont, the programme's head, is chosen by the student as academic tutor (a staff member of the programme). */
async function internshipFollowedByHead() {
  const head = await launchHead(pstage);
  const [jean] = await pstage.database.db.select().from(users).where(eq(users.email, 'jean.dupont@univ.example.fr'));
  const { id } = await completeConvention(pstage, { academicTutor: { choice: `staff-${jean.id}` } });
  return {
    head,
    id,
    list: `/programme/${head.programmeId}/evaluations/referent`,
    form: `/programme/${head.programmeId}/evaluations/referent/${id}`,
  };
}

const referentAnswers = { followUp: 'visit', missionsFit: 'yes', report: '4', overall: '5', comment: 'Visite le 12 juin.' };

describe("the academic referent's evaluation", () => {
  it('opens with the tutor one; the referent answers it from their panel, with a draft, then it is read-only', async () => {
    const { head, id, list, form } = await internshipFollowedByHead();
    expect((await head.client.request(list)).text).toContain('data-status="referent-notOpen"');
    expect((await head.client.request(form)).status).toBe(404);

    await passOn(pstage, addDays(plannedEnd, -10));
    const [opened] = await pstage.database.db.select().from(evaluations).where(eq(evaluations.kind, 'referent'));
    expect(opened).toMatchObject({ conventionId: id, status: 'draft' });
    expect((await head.client.request(list)).text).toContain('data-status="referent-draft"');

    const draft = await head.client.submit(form, { followUp: 'visit', intent: 'draft' });
    expect(draft.status).toBe(200);
    expect(draft.text).toContain('Brouillon enregistré.');
    const missing = await head.client.submit(form, { followUp: 'visit', report: '7', intent: 'submit' });
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('Choisissez une note de 1 à 5.');
    expect(missing.text).toContain('Répondez à cette question.');

    const sent = await head.client.submit(form, { ...referentAnswers, intent: 'submit' });
    expect(sent.status).toBe(200);
    expect(sent.text).not.toContain('name="intent"');
    expect(sent.text).toContain('Visite sur place');
    expect((await head.client.request(list)).text).toContain('data-status="referent-answered"');

    clock.moveTo(addDays(plannedEnd, -9));
    const { client: office } = await launchOffice(pstage);
    const overview = await office.request('/office/evaluations');
    expect(overview.text).toContain('data-status="referent-answered"');
    const results = await office.request('/office/evaluations?kind=referent');
    expect(results.text).toContain('Qualité du rapport ou de la soutenance');
  });

  it('is not the internship evaluation: without the tutor and student ones the internship is only finished; referents are not reminded by mail', async () => {
    const { head, id, form } = await internshipFollowedByHead();
    await passOn(pstage, addDays(plannedEnd, -10));
    await head.client.submit(form, { ...referentAnswers, intent: 'submit' });
    await passOn(pstage, plannedEnd);
    const [progress] = await pstage.database.db.select().from(internshipProgress).where(eq(internshipProgress.conventionId, id));
    expect(progress.state).toBe('finished');

    const reminded = await pstage.database.db.transaction((tx) =>
      enqueueEvaluationReminders(tx, { config: pstage.services.config, now: noon(addDays(plannedEnd, 30)) }),
    );
    const drafts = await pstage.database.db.select().from(evaluations).where(eq(evaluations.status, 'draft'));
    expect(reminded).toBe(drafts.length);
    expect(drafts.map((row) => row.kind).sort()).toEqual(['student', 'tutor']);
  });

  it.each([
    [['tutor', 'referent'], false],
    [['student', 'referent'], false],
    [['tutor', 'student'], true],
  ])('submitted %j: the internship is evaluated: %s', (kinds, evaluated) => {
    expect(evaluationsIn(kinds.map((kind) => ({ kind, status: 'submitted' })))).toBe(evaluated);
  });

  it('another staff member who is not the referent sees neither the intern nor the form', async () => {
    const { form, list } = await internshipFollowedByHead();
    await passOn(pstage, addDays(plannedEnd, -10));
    const other = await launchHead(pstage, 'claire-lambert');
    expect((await other.client.request(list)).text).not.toContain('data-status="referent-');
    expect((await other.client.request(form)).status).toBe(404);
  });
});
