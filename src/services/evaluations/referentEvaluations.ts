import { notFound } from '../../errors';
import type { Executor } from '../../models/database';
import { conventionRepository, type Convention } from '../../models/conventionRepository';
import { evaluationRepository, type Evaluation } from '../../models/evaluationRepository';
import { referentRepository } from '../../models/referentRepository';

export const referentEvaluationsPath = (programmeId: number) => `/programme/${programmeId}/evaluations/referent`;
export const referentEvaluationPath = (programmeId: number, conventionId: number) =>
  `${referentEvaluationsPath(programmeId)}/${conventionId}`;

/** The interns a staff member follows as academic referent in this programme, with where their evaluation stands. */
export async function referentInterns(db: Executor, programmeId: number, userId: number) {
  const rows = await referentRepository.listInterns(db, programmeId, userId);
  return rows.map((row) => ({
    ...row,
    studentName: `${row.student.firstName} ${row.student.lastName}`,
    lastDay: row.actualEndDate ?? row.endDate,
    evaluation:
      row.evaluationStatus === null
        ? ('notOpen' as const)
        : row.evaluationStatus === 'submitted'
          ? ('answered' as const)
          : ('draft' as const),
    path: referentEvaluationPath(programmeId, row.id),
  }));
}

/** The referent's questionnaire of one convention: only to its referent, only once opened; 404 otherwise. */
export async function referentEvaluation(db: Executor, programmeId: number, conventionId: number, userId: number): Promise<Evaluation> {
  if (!(await referentRepository.isReferentOf(db, conventionId, programmeId, userId))) throw notFound();
  const evaluation = await evaluationRepository.find(db, conventionId, 'referent');
  if (!evaluation) throw notFound();
  return evaluation;
}

/** The referent's evaluation with the convention it is about, for its form. */
export async function referentEvaluationWithConvention(
  db: Executor,
  programmeId: number,
  conventionId: number,
  userId: number,
): Promise<{ evaluation: Evaluation; convention: Convention }> {
  const evaluation = await referentEvaluation(db, programmeId, conventionId, userId);
  const convention = await conventionRepository.findById(db, evaluation.conventionId);
  if (!convention) throw notFound();
  return { evaluation, convention };
}
