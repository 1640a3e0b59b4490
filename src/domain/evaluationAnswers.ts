import { z } from 'zod';
import { questionsOf, type EvaluationTemplate, type Question } from './evaluationTemplate';

/** Answers by question id: a Likert 1–5 as a number, yes/no as a boolean, choices as values, free text as text. */
export type Answer = number | boolean | string | string[];
export type EvaluationAnswers = Record<string, Answer>;

export interface AnswerIssue {
  questionId: string;
  /** i18n key. */
  key: string;
}

const MAX_TEXT = 4000;

/** A form field (strings, repeated for multiple choices) to the answer of its kind; undefined when empty. */
function answerSchema(question: Question): z.ZodType<Answer | undefined> {
  const one = z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.string().optional());
  const blankIsUndefined = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());
  switch (question.kind) {
    case 'likert':
      return one
        .transform(blankIsUndefined)
        .pipe(z.enum(['1', '2', '3', '4', '5'], { message: 'evaluation.errors.likert' }).optional())
        .transform((value) => (value === undefined ? undefined : Number(value)));
    case 'yesNo':
      return one
        .transform(blankIsUndefined)
        .pipe(z.enum(['yes', 'no'], { message: 'evaluation.errors.yesNo' }).optional())
        .transform((value) => (value === undefined ? undefined : value === 'yes'));
    case 'single':
      return one
        .transform(blankIsUndefined)
        .pipe(
          z
            .enum(question.choices.map((choice) => choice.value) as [string, ...string[]], { message: 'evaluation.errors.choice' })
            .optional(),
        );
    case 'multiple':
      return z
        .preprocess(
          (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
          z.array(z.enum(question.choices.map((choice) => choice.value) as [string, ...string[]], { message: 'evaluation.errors.choice' })),
        )
        .transform((values) => (values.length === 0 ? undefined : [...new Set(values)]));
    case 'text':
      return one.transform(blankIsUndefined).pipe(z.string().max(MAX_TEXT, { message: 'evaluation.errors.textTooLong' }).optional());
  }
}

/**
 * Reads a submitted form against the template: every question's errors in one pass. A draft keeps what is valid
 * and may leave required questions empty; a submission needs every required answer.
 */
export function readAnswers(
  template: EvaluationTemplate,
  form: Record<string, unknown>,
  mode: 'draft' | 'submit',
): { answers: EvaluationAnswers; issues: AnswerIssue[] } {
  const answers: EvaluationAnswers = {};
  const issues: AnswerIssue[] = [];
  for (const question of questionsOf(template)) {
    const parsed = answerSchema(question).safeParse(form[question.id]);
    if (!parsed.success) {
      issues.push({ questionId: question.id, key: parsed.error.issues[0].message });
      continue;
    }
    if (parsed.data === undefined) {
      if (mode === 'submit' && question.required) issues.push({ questionId: question.id, key: 'evaluation.errors.required' });
      continue;
    }
    answers[question.id] = parsed.data;
  }
  return { answers, issues };
}

/** Stored answers shown back in a form: the strings the fields would have posted. */
export function formValuesOf(answers: EvaluationAnswers): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(answers).map(([id, answer]) => [
      id,
      typeof answer === 'boolean' ? (answer ? 'yes' : 'no') : Array.isArray(answer) ? answer : String(answer),
    ]),
  );
}
