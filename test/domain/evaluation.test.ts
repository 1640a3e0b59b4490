import { addDays } from '../../src/domain/calendarDate';
import { formValuesOf, readAnswers } from '../../src/domain/evaluationAnswers';
import {
  defaultStudentTemplate,
  defaultTutorTemplate,
  evaluationTemplateSchema,
  questionsOf,
  type EvaluationTemplate,
} from '../../src/domain/evaluationTemplate';
import { aggregateResults } from '../../src/domain/evaluationResults';
import { internshipStateOn, nextInternshipState, tutorEvaluationOpensOn } from '../../src/domain/internshipState';
import { testClock } from '../support/clock';

const template: EvaluationTemplate = {
  key: 'test',
  title: { fr: 'Test', en: 'Test' },
  sections: [
    {
      title: { fr: 'S', en: 'S' },
      questions: [
        { id: 'mark', kind: 'likert', required: true, label: { fr: 'Note', en: 'Mark' } },
        { id: 'ok', kind: 'yesNo', required: true, label: { fr: 'OK', en: 'OK' } },
        {
          id: 'one',
          kind: 'single',
          required: false,
          label: { fr: 'Un', en: 'One' },
          choices: [
            { value: 'a', label: { fr: 'A', en: 'A' } },
            { value: 'b', label: { fr: 'B', en: 'B' } },
          ],
        },
        {
          id: 'many',
          kind: 'multiple',
          required: true,
          label: { fr: 'Plusieurs', en: 'Many' },
          choices: [
            { value: 'x', label: { fr: 'X', en: 'X' } },
            { value: 'y', label: { fr: 'Y', en: 'Y' } },
          ],
        },
        { id: 'free', kind: 'text', required: false, label: { fr: 'Texte', en: 'Text' } },
      ],
    },
  ],
};

describe('questionnaires', () => {
  it('ships default templates in French and English that pass their own schema', () => {
    for (const shipped of [defaultTutorTemplate, defaultStudentTemplate]) {
      expect(evaluationTemplateSchema.safeParse(shipped).success).toBe(true);
      for (const question of questionsOf(shipped)) expect(question.label.en).not.toBe('');
    }
    expect(questionsOf(defaultTutorTemplate).map((q) => q.kind)).toEqual(expect.arrayContaining(['likert', 'yesNo', 'single', 'text']));
    expect(questionsOf(defaultStudentTemplate).map((q) => q.kind)).toEqual(expect.arrayContaining(['likert', 'yesNo', 'multiple', 'text']));
  });

  it('refuses a template whose questions share an id, or a choice question with one choice', () => {
    const duplicate = structuredClone(template);
    duplicate.sections[0].questions[1].id = 'mark';
    expect(evaluationTemplateSchema.safeParse(duplicate).error?.issues[0].message).toBe('evaluation.errors.duplicateQuestion');
    const single = structuredClone(template) as unknown as { sections: { questions: { choices?: unknown[] }[] }[] };
    single.sections[0].questions[2].choices = single.sections[0].questions[2].choices!.slice(0, 1);
    expect(evaluationTemplateSchema.safeParse(single).success).toBe(false);
  });

  it('reads every kind of answer from a form', () => {
    const { answers, issues } = readAnswers(template, { mark: '4', ok: 'no', one: 'b', many: ['x', 'y', 'x'], free: '  bien  ' }, 'submit');
    expect(issues).toEqual([]);
    expect(answers).toEqual({ mark: 4, ok: false, one: 'b', many: ['x', 'y'], free: 'bien' });
    expect(formValuesOf(answers)).toEqual({ mark: '4', ok: 'no', one: 'b', many: ['x', 'y'], free: 'bien' });
  });

  it('gives every error of a submission in one pass: required, out of range, unknown choice, too long', () => {
    const { issues } = readAnswers(template, { mark: '6', one: 'z', many: [], free: 'a'.repeat(4001) }, 'submit');
    expect(issues).toEqual([
      { questionId: 'mark', key: 'evaluation.errors.likert' },
      { questionId: 'ok', key: 'evaluation.errors.required' },
      { questionId: 'one', key: 'evaluation.errors.choice' },
      { questionId: 'many', key: 'evaluation.errors.required' },
      { questionId: 'free', key: 'evaluation.errors.textTooLong' },
    ]);
  });

  it.each([
    [{ ok: 'maybe' }, 'ok', 'evaluation.errors.yesNo'],
    [{ many: ['x', 'w'] }, 'many', 'evaluation.errors.choice'],
    [{ mark: '3.5' }, 'mark', 'evaluation.errors.likert'],
  ])('refuses %j', (form, questionId, key) => {
    expect(readAnswers(template, form, 'draft').issues).toEqual([{ questionId, key }]);
  });

  it('a draft may leave required questions empty and keeps what is valid', () => {
    expect(readAnswers(template, { mark: '2', ok: '' }, 'draft')).toEqual({ answers: { mark: 2 }, issues: [] });
  });
});

describe("the internship's own states", () => {
  const today = testClock.today();
  const start = addDays(today, 5);
  const end = addDays(today, 60);
  const facts = { conventionState: 'complete', startDate: start, endDate: end, actualEndDate: null, evaluationsIn: false };

  it.each([
    ['the day before the start', addDays(start, -1), facts, null],
    ['the start date', start, facts, 'in_progress'],
    ['the day before the end', addDays(end, -1), facts, 'in_progress'],
    ['the end date', end, facts, 'finished'],
    ['an early end recorded', addDays(start, 10), { ...facts, actualEndDate: addDays(start, 10) }, 'finished'],
    ['evaluations in, before the end', addDays(end, -1), { ...facts, evaluationsIn: true }, 'in_progress'],
    ['evaluations in, after the end', addDays(end, 3), { ...facts, evaluationsIn: true }, 'evaluated'],
    ['a convention not complete', addDays(end, 3), { ...facts, conventionState: 'validated' }, null],
  ] as const)('%s', (_name, day, given, expected) => {
    expect(internshipStateOn(given, day)).toBe(expected);
  });

  it('only moves forward', () => {
    expect(nextInternshipState(null, 'in_progress')).toBe('in_progress');
    expect(nextInternshipState('in_progress', 'in_progress')).toBeNull();
    expect(nextInternshipState('evaluated', 'finished')).toBeNull();
    expect(nextInternshipState('in_progress', 'evaluated')).toBe('evaluated');
  });

  it("opens the tutor's evaluation N days before the last day", () => {
    expect(tutorEvaluationOpensOn(end, 10)).toBe(addDays(end, -10));
  });
});

describe('aggregated results', () => {
  it('averages Likert marks and the share of yes per group, counting who answered each question', () => {
    const groups = aggregateResults(template, [
      { groupKey: 'h1', groupLabel: 'Beta', answers: { mark: 4, ok: true, many: ['x'] } },
      { groupKey: 'h1', groupLabel: 'Beta', answers: { mark: 5, ok: false } },
      { groupKey: 'h1', groupLabel: 'Beta', answers: { mark: 2, ok: true, free: 'bien' } },
      { groupKey: 'h2', groupLabel: 'Alpha', answers: { mark: 3, ok: true } },
    ]);
    expect(groups.map((group) => [group.label, group.responses])).toEqual([
      ['Alpha', 1],
      ['Beta', 3],
    ]);
    const beta = Object.fromEntries(groups[1].questions.map((question) => [question.questionId, [question.count, question.average]]));
    expect(beta).toEqual({ mark: [3, 3.67], ok: [3, 0.67], one: [0, null], many: [1, null], free: [1, null] });
  });
});
