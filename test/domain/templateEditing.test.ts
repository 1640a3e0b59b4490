import { defaultReferentTemplate } from '../../src/domain/evaluationDefaults';
import { defaultTutorTemplate, evaluationTemplateSchema, questionsOf, type EvaluationTemplate } from '../../src/domain/evaluationTemplate';
import {
  addQuestion,
  addSection,
  moveQuestion,
  removeQuestion,
  removeSection,
  updateQuestion,
  type QuestionInput,
} from '../../src/domain/templateEditing';

const text = (fr: string) => ({ fr, en: `${fr} (en)` });
const likert: QuestionInput = { kind: 'likert', label: text('Autonomie'), required: true, choices: [], grade: false };
const ok = (result: EvaluationTemplate | string): EvaluationTemplate => {
  if (typeof result === 'string') throw new Error(result);
  return result;
};
const usable = (template: EvaluationTemplate) => evaluationTemplateSchema.safeParse(template).success;

describe('editing a questionnaire template', () => {
  it('a new section is empty, so the template is not usable until it has a question; ids are made unique', () => {
    const withSection = addSection(defaultTutorTemplate, text('Savoir-être'));
    expect(usable(withSection)).toBe(false);
    const last = withSection.sections.length - 1;
    const first = ok(addQuestion(withSection, last, likert));
    const second = ok(addQuestion(first, last, { ...likert, label: text('Initiative') }));
    expect(usable(second)).toBe(true);
    const ids = questionsOf(second).map((question) => question.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(second.sections[last].questions.map((question) => question.label.fr)).toEqual(['Autonomie', 'Initiative']);
  });

  it('choices get values from their position; a question changed from choices to text loses them', () => {
    const single = ok(addQuestion(defaultTutorTemplate, 0, { ...likert, kind: 'single', choices: [text('A'), text('B')] }));
    const added = single.sections[0].questions.at(-1)!;
    expect(added).toMatchObject({ kind: 'single', choices: [{ value: 'c1' }, { value: 'c2' }] });
    const asText = ok(updateQuestion(single, added.id, { ...likert, kind: 'text', choices: [text('A')] }));
    expect(asText.sections[0].questions.at(-1)).toEqual({ id: added.id, kind: 'text', label: likert.label, required: true });
  });

  it('one question carries the mark; marking another moves it, removing it (or its section) drops it', () => {
    expect(defaultTutorTemplate.gradeQuestionId).toBe('overall');
    const marked = ok(updateQuestion(defaultTutorTemplate, 'technicalSkills', { ...likert, grade: true }));
    expect(marked.gradeQuestionId).toBe('technicalSkills');
    expect(ok(removeQuestion(marked, 'technicalSkills')).gradeQuestionId).toBeUndefined();
    expect(ok(removeQuestion(marked, 'learning')).gradeQuestionId).toBe('technicalSkills');
    expect(ok(removeSection(marked, 0)).gradeQuestionId).toBeUndefined();
    // A question turned into yes/no is no longer the mark.
    expect(ok(updateQuestion(marked, 'technicalSkills', { ...likert, kind: 'yesNo', grade: true })).gradeQuestionId).toBeUndefined();
  });

  it.each([
    ['up', 'learning', ['learning', 'technicalSkills']],
    ['down', 'technicalSkills', ['learning', 'technicalSkills']],
  ] as const)('moves a question %s within its section', (direction, id, order) => {
    expect(ok(moveQuestion(defaultTutorTemplate, id, direction)).sections[0].questions.map((question) => question.id)).toEqual(order);
  });

  it.each([
    ['up', 'technicalSkills', 'firstOrLast'],
    ['down', 'learning', 'firstOrLast'],
    ['up', 'nothing', 'notFound'],
  ] as const)('moving %s %s is refused (%s)', (direction, id, refusal) => {
    expect(moveQuestion(defaultTutorTemplate, id, direction)).toBe(refusal);
  });

  it('the template schema refuses a mark on a question that is not a Likert one; the shipped templates are valid', () => {
    expect(usable({ ...defaultTutorTemplate, gradeQuestionId: 'comment' })).toBe(false);
    expect(usable({ ...defaultTutorTemplate, gradeQuestionId: 'missing' })).toBe(false);
    expect(usable(defaultReferentTemplate)).toBe(true);
  });
});
