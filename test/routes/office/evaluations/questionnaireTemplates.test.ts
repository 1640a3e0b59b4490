import { eq } from 'drizzle-orm';
import { addDays } from '../../../../src/domain/calendarDate';
import { auditLog, evaluations, evaluationTemplates } from '../../../../src/models/schema';
import { movableClock } from '../../../support/clock';
import { completeConvention, passOn, plannedEnd } from '../../../support/endOfInternship';
import { useTestPstage } from '../../../support/pstage';
import { launchOffice } from '../../../services/office/officeJourney';
import { launchHead } from '../../programme/programmeHelpers';

const clock = movableClock();
const pstage = useTestPstage({ clock });

const templates = '/office/evaluations/templates';
const stored = async (id: number) => (await pstage.database.db.select().from(evaluationTemplates).where(eq(evaluationTemplates.id, id)))[0];

async function createTutorTemplate() {
  const { client } = await launchOffice(pstage);
  const created = await client.submit(templates, { kind: 'tutor', copyOf: '', titleFr: 'Évaluation M1', titleEn: 'M1 evaluation' });
  expect(created.status).toBe(303);
  const id = Number(/\/(\d+)$/.exec(created.location!)![1]);
  return { client, id, path: `${templates}/${id}` };
}

describe("the office's questionnaire templates", () => {
  it('the office copies the default template, adds a section and a choice question, marks another question as the grade', async () => {
    const { client, id, path } = await createTutorTemplate();
    expect((await stored(id)).template.title).toEqual({ fr: 'Évaluation M1', en: 'M1 evaluation' });
    const editor = await client.request(path);
    expect(editor.status).toBe(200);
    expect(editor.text).toContain('Compétences techniques mises en œuvre');
    expect(editor.text).toContain('note transmise à la plateforme');

    expect((await client.submit(path, { sectionFr: 'Savoir-être', sectionEn: 'Soft skills' }, `${path}/sections`)).status).toBe(303);
    expect((await client.request(path)).text).toContain('Incomplet');
    const sections = (await stored(id)).template.sections;
    const newSection = `${path}/sections/${sections.length - 1}/questions/new`;
    expect((await client.request(newSection)).status).toBe(200);
    const added = await client.submit(
      newSection,
      { kind: 'single', labelFr: 'Autonomie', labelEn: 'Autonomy', required: 'no', choices: 'Faible | Low\nBonne | Good', grade: 'no' },
      `${path}/sections/${sections.length - 1}/questions`,
    );
    expect(added.status).toBe(303);
    const template = (await stored(id)).template;
    const autonomy = template.sections.at(-1)!.questions[0];
    expect(autonomy).toMatchObject({
      kind: 'single',
      required: false,
      label: { fr: 'Autonomie', en: 'Autonomy' },
      choices: [
        { value: 'c1', label: { fr: 'Faible', en: 'Low' } },
        { value: 'c2', label: { fr: 'Bonne', en: 'Good' } },
      ],
    });
    expect((await client.request(path)).text).toContain('Prêt à être choisi');

    const marked = await client.submit(`${path}/questions/teamwork`, {
      kind: 'likert',
      labelFr: "Intégration dans l'équipe",
      labelEn: 'Integration',
      required: 'yes',
      choices: '',
      grade: 'yes',
    });
    expect(marked.status).toBe(303);
    expect((await stored(id)).template.gradeQuestionId).toBe('teamwork');
    const moved = await client.submit(path, { direction: 'up' }, `${path}/questions/teamwork/move`);
    expect(moved.status).toBe(303);
    expect((await stored(id)).template.sections[1].questions.map((question) => question.id)).toEqual(['teamwork', 'punctuality']);
    expect((await client.submit(path, {}, `${path}/questions/punctuality/delete`)).status).toBe(303);
    expect((await stored(id)).template.sections[1].questions.map((question) => question.id)).toEqual(['teamwork']);
    const audit = await pstage.database.db.select().from(auditLog).where(eq(auditLog.targetType, 'evaluation_template'));
    expect(audit.map((row) => row.action)).toEqual(
      expect.arrayContaining(['evaluation_template.created', 'evaluation_template.question_added', 'evaluation_template.question_removed']),
    );
  });

  it('a question form with errors comes back with every field error at once and the values typed', async () => {
    const { client, id, path } = await createTutorTemplate();
    const before = await stored(id);
    const refused = await client.submit(
      `${path}/sections/0/questions/new`,
      { kind: 'multiple', labelFr: '', labelEn: 'Tools', required: 'maybe', choices: 'Git', grade: 'yes' },
      `${path}/sections/0/questions`,
    );
    expect(refused.status).toBe(303);
    expect(refused.location).toBe(`${path}/sections/0/questions/new`);
    const page = await client.request(refused.location!);
    for (const message of [
      'Proposez au moins deux réponses, une par ligne.',
      'La note transmise à la plateforme doit être une question notée de 1 à 5.',
      'Répondez par oui ou par non.',
    ])
      expect(page.text).toContain(message);
    for (const field of ['labelFr', 'required', 'choices', 'grade']) expect(page.text).toContain(`href="#${field}"`);
    expect(page.text).toContain('value="Tools"');
    expect(await stored(id)).toEqual(before);
  });

  it('an edit from a page shown before another save is a conflict shown on the editor, and changes nothing', async () => {
    const { client, id, path } = await createTutorTemplate();
    const stale = await client.request(path);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(stale.text)![1];
    expect((await client.submit(path, { titleFr: 'Nouveau titre', titleEn: 'New title' }, `${path}/title`)).status).toBe(303);
    const late = await client.request(`${path}/questions/learning/delete`, { form: { _csrf: csrf, version: '1' } });
    expect(late.status).toBe(303);
    expect((await client.request(path)).text).toContain('Ce questionnaire a été modifié entre-temps');
    expect((await stored(id)).template.sections[0].questions.map((question) => question.id)).toContain('learning');
    expect((await client.request(`${path}/questions/nothing`)).status).toBe(404);
    expect((await client.request(`${templates}/999`)).status).toBe(404);
  });

  it('a programme head picks the template: the tutor evaluation opens with it; a programme head cannot edit templates', async () => {
    const { client, id, path } = await createTutorTemplate();
    await client.submit(
      `${path}/sections/0/questions/new`,
      { kind: 'yesNo', labelFr: 'Ponctuel ?', labelEn: 'On time?', required: 'yes' },
      `${path}/sections/0/questions`,
    );
    const { id: conventionId } = await completeConvention(pstage);
    const head = await launchHead(pstage);
    expect((await head.client.request(templates)).status).toBe(403);
    const settings = `/programme/${head.programmeId}/evaluations/settings`;
    expect((await head.client.request(settings)).text).toContain('Évaluation M1');
    const saved = await head.client.submit(settings, {
      tutorTemplateId: String(id),
      studentTemplateId: String(id),
      referentTemplateId: '',
      tutorDaysBefore: '10',
    });
    // A tutor's template is not a student's.
    expect(saved.status).toBe(303);
    expect((await head.client.request(settings)).text).toContain('Choisissez un questionnaire de ce type parmi ceux proposés.');
    await head.client.submit(settings, {
      tutorTemplateId: String(id),
      studentTemplateId: '',
      referentTemplateId: '',
      tutorDaysBefore: '10',
    });

    await passOn(pstage, addDays(plannedEnd, -10));
    const [opened] = await pstage.database.db.select().from(evaluations).where(eq(evaluations.conventionId, conventionId));
    expect(opened.template.key).toBe(`office-${id}`);
    expect(opened.template.sections[0].questions.at(-1)!.label.fr).toBe('Ponctuel ?');
    // A later edit leaves the opened questionnaire as it was.
    await client.submit(path, {}, `${path}/sections/0/delete`);
    const [still] = await pstage.database.db.select().from(evaluations).where(eq(evaluations.conventionId, conventionId));
    expect(still.template).toEqual(opened.template);
  });
});
