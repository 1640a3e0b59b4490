import type { Executor } from '../../models/database';
import { evaluationRepository, internshipProgressRepository } from '../../models/evaluationRepository';
import { studentEvaluationPath } from './advanceInternships';

export interface InternshipBadge {
  state: string | null;
  /** The student's own evaluation of the host, once open. */
  evaluation: { path: string; submitted: boolean } | null;
}

/** What the student home adds to each complete convention: the internship's state and the evaluation to answer. */
export async function internshipBadges(db: Executor, conventionIds: number[]): Promise<Record<number, InternshipBadge>> {
  const evaluations = await evaluationRepository.listForConventions(db, conventionIds);
  const badges: Record<number, InternshipBadge> = {};
  for (const id of conventionIds) {
    const state = await internshipProgressRepository.find(db, id);
    const own = evaluations.find((row) => row.conventionId === id && row.kind === 'student');
    if (state || own)
      badges[id] = { state, evaluation: own ? { path: studentEvaluationPath(id), submitted: own.status === 'submitted' } : null };
  }
  return badges;
}
