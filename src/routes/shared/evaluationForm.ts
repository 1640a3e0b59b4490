import type { Request } from 'express';
import type { Clock } from '../../clock';
import { formatDate } from '../../format';
import type { Database } from '../../models/database';
import type { Evaluation } from '../../models/evaluationRepository';
import { answerEvaluation } from '../../services/evaluations/answerEvaluation';
import { intentSchema } from '../host/schemas';

export interface EvaluationPageState {
  notice?: string;
  errors?: Record<string, string>;
  values?: Record<string, unknown>;
}

/**
 * An evaluation form posted by whoever answers it (the tutor's link, the student, the referent): saved as a draft
 * or submitted, and what the page shows next (each question's error with the answers kept, or the notice).
 */
export async function answerEvaluationForm(
  req: Request,
  db: Database,
  clock: Clock,
  evaluation: Evaluation,
  by: string,
): Promise<EvaluationPageState> {
  const form = (req.body ?? {}) as Record<string, unknown>;
  const result = await answerEvaluation(db, evaluation, form, intentSchema.parse(form.intent), {
    now: clock.now(),
    today: clock.today(),
    by,
  });
  if (result.outcome === 'invalid')
    return { errors: Object.fromEntries(result.issues.map((issue) => [issue.questionId, req.t(issue.key)])), values: form };
  const notice = result.outcome === 'saved' ? 'evaluation.draftSaved' : 'evaluation.submitted';
  return { notice: req.t(notice, { date: formatDate(clock.today(), req.locale) }) };
}
