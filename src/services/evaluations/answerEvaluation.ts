import { AppError, notFound } from '../../errors';
import { readAnswers, type AnswerIssue } from '../../domain/evaluationAnswers';
import type { Database } from '../../models/database';
import { evaluationRepository, type Evaluation } from '../../models/evaluationRepository';
import { auditRepository } from '../../models/auditRepository';
import { conventionRepository } from '../../models/conventionRepository';
import { moveInternshipState } from './advanceInternships';
import { enqueueEvaluationGrade } from './gradePostBack';

export type AnswerOutcome = { outcome: 'saved' | 'submitted' } | { outcome: 'invalid'; issues: AnswerIssue[] };

/**
 * Keeps a draft (what is valid of it) or submits the questionnaire (every required answer, all errors at once).
 * A submitted questionnaire refuses both; a submission may complete the internship's evaluation.
 */
export async function answerEvaluation(
  db: Database,
  evaluation: Evaluation,
  form: Record<string, unknown>,
  mode: 'draft' | 'submit',
  context: { now: Date; today: string; by: string },
): Promise<AnswerOutcome> {
  if (evaluation.status !== 'draft') throw new AppError(409, 'evaluation.errors.alreadySubmitted');
  const { answers, issues } = readAnswers(evaluation.template, form, mode);
  if (mode === 'submit' && issues.length > 0) return { outcome: 'invalid', issues };
  return db.transaction(async (tx) => {
    if (mode === 'draft') {
      if (!(await evaluationRepository.saveDraft(tx, evaluation.id, answers)))
        throw new AppError(409, 'evaluation.errors.alreadySubmitted');
      return issues.length > 0 ? { outcome: 'invalid' as const, issues } : { outcome: 'saved' as const };
    }
    if (!(await evaluationRepository.submit(tx, evaluation.id, answers, context.now, context.by)))
      throw new AppError(409, 'evaluation.errors.alreadySubmitted');
    const convention = await conventionRepository.findById(tx, evaluation.conventionId);
    if (convention) await enqueueEvaluationGrade(tx, { ...evaluation, answers }, convention, context.now);
    await moveInternshipState(tx, evaluation.conventionId, context.now, context.today);
    return { outcome: 'submitted' as const };
  });
}

/** The office reopens a submitted questionnaire, with a reason kept on it and in the audit log. */
export async function reopenEvaluation(
  db: Database,
  input: { conventionId: number; kind: Evaluation['kind']; officeUserId: number; reason: string; now: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    const evaluation = await evaluationRepository.find(tx, input.conventionId, input.kind);
    if (!evaluation) throw notFound();
    if (!(await evaluationRepository.reopen(tx, evaluation.id, input.now, input.officeUserId, input.reason)))
      throw new AppError(409, 'evaluation.errors.notSubmitted');
    await auditRepository.record(tx, {
      actorUserId: input.officeUserId,
      action: 'evaluation.reopened',
      targetType: 'convention',
      targetId: input.conventionId,
      details: { kind: input.kind, reason: input.reason },
    });
  });
}
