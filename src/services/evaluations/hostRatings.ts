import { shareableGroup, type GroupResult } from '../../domain/evaluationResults';
import type { Executor } from '../../models/database';
import { evaluationResults } from './evaluationOverview';
import { programmeEvaluationSetup } from './programmeEvaluationPolicy';

/**
 * What earlier students of the programme said of a host, for a student choosing it: averages only (Likert means,
 * share of "yes"), only when the programme shares them and enough students answered (HOST_RATINGS_MIN_ANSWERS).
 */
export async function hostRatingsForStudents(
  db: Executor,
  input: { programmeId: number; organisationId: number | null; today: string; minAnswers: number },
): Promise<GroupResult | null> {
  if (input.organisationId === null) return null;
  if (!(await programmeEvaluationSetup(db, input.programmeId)).shareHostRatings) return null;
  const results = await evaluationResults(db, 'student', input.today, { programmeId: input.programmeId });
  return shareableGroup(
    results.byHost.find((group) => group.key === `h${input.organisationId}`),
    input.minAnswers,
  );
}
