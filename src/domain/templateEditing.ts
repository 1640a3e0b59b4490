import type { EvaluationTemplate, LocalisedText, Question, QuestionKind } from './evaluationTemplate';

/**
 * The office's edits of a questionnaire, as pure functions from one template to the next. While edited a template
 * may have an empty section (it is then not usable: see `evaluationTemplateSchema`); question ids are made here,
 * never typed, so they stay unique and valid; choice values follow their position.
 */
export interface QuestionInput {
  kind: QuestionKind;
  label: LocalisedText;
  required: boolean;
  /** Single and multiple choice only. */
  choices: LocalisedText[];
  /** Likert only: this question's mark is the one posted to the LMS. */
  grade: boolean;
}

export type EditRefusal = 'notFound' | 'firstOrLast';

const allQuestions = (template: EvaluationTemplate) => template.sections.flatMap((section) => section.questions);

function nextQuestionId(template: EvaluationTemplate): string {
  const used = new Set(allQuestions(template).map((question) => question.id));
  let n = used.size + 1;
  while (used.has(`q${n}`)) n++;
  return `q${n}`;
}

function questionOf(id: string, input: QuestionInput): Question {
  const base = { id, label: input.label, required: input.required };
  if (input.kind === 'single' || input.kind === 'multiple')
    return { ...base, kind: input.kind, choices: input.choices.map((label, index) => ({ value: `c${index + 1}`, label })) };
  return { ...base, kind: input.kind };
}

function withGrade(template: EvaluationTemplate, id: string, input: QuestionInput): EvaluationTemplate {
  const { gradeQuestionId, ...rest } = template;
  if (input.kind === 'likert' && input.grade) return { ...rest, gradeQuestionId: id };
  return gradeQuestionId === undefined || gradeQuestionId === id ? rest : { ...rest, gradeQuestionId };
}

/** What a question form shows for an existing question. */
export function questionInputOf(template: EvaluationTemplate, question: Question): QuestionInput {
  return {
    kind: question.kind,
    label: question.label,
    required: question.required,
    choices: question.kind === 'single' || question.kind === 'multiple' ? question.choices.map((choice) => choice.label) : [],
    grade: template.gradeQuestionId === question.id,
  };
}

export const findQuestion = (template: EvaluationTemplate, id: string) => allQuestions(template).find((question) => question.id === id);

export function retitle(template: EvaluationTemplate, title: LocalisedText): EvaluationTemplate {
  return { ...template, title };
}

export function addSection(template: EvaluationTemplate, title: LocalisedText): EvaluationTemplate {
  return { ...template, sections: [...template.sections, { title, questions: [] }] };
}

export function renameSection(template: EvaluationTemplate, index: number, title: LocalisedText): EvaluationTemplate | EditRefusal {
  if (!template.sections[index]) return 'notFound';
  return { ...template, sections: template.sections.map((section, i) => (i === index ? { ...section, title } : section)) };
}

/** A section goes with its questions (and the mark, if it was one of them). */
export function removeSection(template: EvaluationTemplate, index: number): EvaluationTemplate | EditRefusal {
  const section = template.sections[index];
  if (!section) return 'notFound';
  const { gradeQuestionId, ...rest } = template;
  const keepsGrade = gradeQuestionId !== undefined && !section.questions.some((question) => question.id === gradeQuestionId);
  return { ...rest, ...(keepsGrade ? { gradeQuestionId } : {}), sections: template.sections.filter((_, i) => i !== index) };
}

export function addQuestion(template: EvaluationTemplate, sectionIndex: number, input: QuestionInput): EvaluationTemplate | EditRefusal {
  if (!template.sections[sectionIndex]) return 'notFound';
  const id = nextQuestionId(template);
  const sections = template.sections.map((section, i) =>
    i === sectionIndex ? { ...section, questions: [...section.questions, questionOf(id, input)] } : section,
  );
  return withGrade({ ...template, sections }, id, input);
}

export function updateQuestion(template: EvaluationTemplate, id: string, input: QuestionInput): EvaluationTemplate | EditRefusal {
  if (!findQuestion(template, id)) return 'notFound';
  const sections = template.sections.map((section) => ({
    ...section,
    questions: section.questions.map((question) => (question.id === id ? questionOf(id, input) : question)),
  }));
  return withGrade({ ...template, sections }, id, input);
}

export function removeQuestion(template: EvaluationTemplate, id: string): EvaluationTemplate | EditRefusal {
  if (!findQuestion(template, id)) return 'notFound';
  const { gradeQuestionId, ...rest } = template;
  const sections = template.sections.map((section) => ({
    ...section,
    questions: section.questions.filter((question) => question.id !== id),
  }));
  return { ...rest, ...(gradeQuestionId !== undefined && gradeQuestionId !== id ? { gradeQuestionId } : {}), sections };
}

/** One place up or down within its section. */
export function moveQuestion(template: EvaluationTemplate, id: string, direction: 'up' | 'down'): EvaluationTemplate | EditRefusal {
  const sectionIndex = template.sections.findIndex((section) => section.questions.some((question) => question.id === id));
  if (sectionIndex === -1) return 'notFound';
  const questions = [...template.sections[sectionIndex].questions];
  const from = questions.findIndex((question) => question.id === id);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (to < 0 || to >= questions.length) return 'firstOrLast';
  [questions[from], questions[to]] = [questions[to], questions[from]];
  return { ...template, sections: template.sections.map((section, i) => (i === sectionIndex ? { ...section, questions } : section)) };
}
