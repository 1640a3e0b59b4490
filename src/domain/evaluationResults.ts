import type { EvaluationAnswers } from './evaluationAnswers';
import { questionsOf, type EvaluationTemplate, type LocalisedText } from './evaluationTemplate';

export interface QuestionResult {
  questionId: string;
  label: LocalisedText;
  kind: string;
  /** How many answered it. */
  count: number;
  /** Likert: the mean of the marks, rounded to two decimals; yes/no: the share of "yes" (0–1); otherwise null. */
  average: number | null;
}

export interface GroupResult {
  key: string;
  label: string;
  /** Submitted questionnaires in the group. */
  responses: number;
  questions: QuestionResult[];
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Averages per question over submitted questionnaires of one template, grouped (by programme, by host): Likert
 * means, share of "yes", and how many answered each question. Free text and choices are counted, not averaged.
 */
export function aggregateResults(
  template: EvaluationTemplate,
  rows: { groupKey: string; groupLabel: string; answers: EvaluationAnswers }[],
): GroupResult[] {
  const groups = new Map<string, { label: string; answers: EvaluationAnswers[] }>();
  for (const row of rows) {
    const group = groups.get(row.groupKey) ?? { label: row.groupLabel, answers: [] };
    group.answers.push(row.answers);
    groups.set(row.groupKey, group);
  }
  return [...groups.entries()]
    .map(([key, group]) => ({
      key,
      label: group.label,
      responses: group.answers.length,
      questions: questionsOf(template).map((question) => {
        const values = group.answers.map((answers) => answers[question.id]).filter((value) => value !== undefined);
        const numbers =
          question.kind === 'likert'
            ? values.filter((value): value is number => typeof value === 'number')
            : question.kind === 'yesNo'
              ? values.map((value) => (value === true ? 1 : 0))
              : [];
        return {
          questionId: question.id,
          label: question.label,
          kind: question.kind,
          count: values.length,
          average: numbers.length > 0 ? round2(numbers.reduce((sum, value) => sum + value, 0) / numbers.length) : null,
        };
      }),
    }))
    .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}

/**
 * A group's results as students may see them: only with at least `minAnswers` questionnaires (an average of one
 * answer is that answer), and only the averaged questions (never free text or choices).
 */
export function shareableGroup(group: GroupResult | undefined, minAnswers: number): GroupResult | null {
  if (!group || group.responses < minAnswers) return null;
  return { ...group, questions: group.questions.filter((question) => question.average !== null) };
}
