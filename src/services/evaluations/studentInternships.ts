import type { Executor } from '../../models/database';
import { evaluationRepository, internshipProgressRepository } from '../../models/evaluationRepository';
import { conventionRepository } from '../../models/conventionRepository';
import type { Evaluation } from '../../models/evaluationRepository';
import { studentEvaluationPath } from './advanceInternships';
import { programmeEvaluationSetup } from './programmeEvaluationPolicy';

export const studentTutorEvaluationPath = (conventionId: number) => `${studentEvaluationPath(conventionId)}/tutor`;

/** The tutor's evaluation, for the intern: only once submitted, and only when their programme shows it to interns. */
export async function tutorEvaluationForIntern(db: Executor, convention: { id: number; programmeId: number }): Promise<Evaluation | null> {
  const tutor = await evaluationRepository.find(db, convention.id, 'tutor');
  if (tutor?.status !== 'submitted') return null;
  return (await programmeEvaluationSetup(db, convention.programmeId)).internSeesTutorEvaluation ? tutor : null;
}

export interface InternshipBadge {
  state: string | null;
  /** The student's own evaluation of the host, once open. */
  evaluation: { path: string; submitted: boolean } | null;
  /** The tutor's evaluation of the intern, when the programme lets interns read it. */
  tutorEvaluationPath: string | null;
}

/** What the student home adds to each complete convention: the internship's state and the evaluation to answer. */
export async function internshipBadges(db: Executor, conventionIds: number[]): Promise<Record<number, InternshipBadge>> {
  const evaluations = await evaluationRepository.listForConventions(db, conventionIds);
  const badges: Record<number, InternshipBadge> = {};
  for (const id of conventionIds) {
    const state = await internshipProgressRepository.find(db, id);
    const own = evaluations.find((row) => row.conventionId === id && row.kind === 'student');
    const tutorSubmitted = evaluations.some((row) => row.conventionId === id && row.kind === 'tutor' && row.status === 'submitted');
    const convention = tutorSubmitted ? await conventionRepository.findById(db, id) : undefined;
    const tutorShown = convention ? (await tutorEvaluationForIntern(db, convention)) !== null : false;
    if (state || own)
      badges[id] = {
        state,
        evaluation: own ? { path: studentEvaluationPath(id), submitted: own.status === 'submitted' } : null,
        tutorEvaluationPath: tutorShown ? studentTutorEvaluationPath(id) : null,
      };
  }
  return badges;
}
