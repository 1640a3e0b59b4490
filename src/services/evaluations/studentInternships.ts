import type { Executor } from '../../models/database';
import { evaluationRepository, internshipProgressRepository } from '../../models/evaluationRepository';
import { conventionRepository, type Convention } from '../../models/conventionRepository';
import { notFound } from '../../errors';
import type { Evaluation } from '../../models/evaluationRepository';
import { studentEvaluationPath } from './advanceInternships';
import { programmeEvaluationSetup } from './programmeEvaluationPolicy';

export const studentTutorEvaluationPath = (conventionId: number) => `${studentEvaluationPath(conventionId)}/tutor`;

/** The tutor's evaluation, for the intern: only once submitted, and only when their programme shows it to interns. */
/** A student's own convention and their evaluation of the host; the same "not found" for anyone else's. */
export async function studentEvaluationOf(
  db: Executor,
  conventionId: number,
  userId: number,
): Promise<{ convention: Convention; evaluation: Evaluation }> {
  const convention = await ownConvention(db, conventionId, userId);
  const evaluation = await evaluationRepository.find(db, convention.id, 'student');
  if (!evaluation) throw notFound();
  return { convention, evaluation };
}

/** A student's own convention, for their evaluation pages; "not found" for anyone else's. */
export async function ownConvention(db: Executor, conventionId: number, userId: number): Promise<Convention> {
  const convention = await conventionRepository.findById(db, conventionId);
  if (!convention || convention.studentUserId !== userId) throw notFound();
  return convention;
}

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
