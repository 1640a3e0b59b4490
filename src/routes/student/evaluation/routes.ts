import { Router, type Request, type Response } from 'express';
import type { Services } from '../../../services';
import { formValuesOf } from '../../../domain/evaluationAnswers';
import { notFound } from '../../../errors';
import { formatDate } from '../../../format';
import { ownConvention, studentEvaluationOf, tutorEvaluationForIntern } from '../../../services/evaluations/studentInternships';
import { answerEvaluationForm } from '../../shared/evaluationForm';
import { idParam } from '../../shared/ids';

type Form = Record<string, unknown>;

/** The student's evaluation of the host (L124-4), open in their space from the internship's last day. */
export function studentEvaluationRoutes(services: Services): Router {
  const { db, clock } = services;
  const router = Router();

  const ownEvaluation = (req: Request) => studentEvaluationOf(db, idParam(req), req.session!.userId);

  async function page(req: Request, res: Response, state: { notice?: string; errors?: Record<string, string>; values?: Form } = {}) {
    const { convention, evaluation } = await ownEvaluation(req);
    res.status(Object.keys(state.errors ?? {}).length > 0 ? 422 : 200).render('student/evaluation/show', {
      title: req.t('evaluation.student.title'),
      reference: convention.reference,
      evaluation,
      lang: req.locale === 'en' ? 'en' : 'fr',
      values: state.values ?? formValuesOf(evaluation.answers),
      errors: state.errors ?? {},
      submittedOn: evaluation.submittedAt ? formatDate(evaluation.submittedAt.toISOString().slice(0, 10), req.locale) : '',
      action: `/student/conventions/${convention.id}/evaluation`,
      notice: state.notice,
    });
  }

  router.get('/:id/evaluation', (req, res) => page(req, res));
  router.get('/:id/evaluation/tutor', async (req, res) => {
    const convention = await ownConvention(db, idParam(req), req.session!.userId);
    const evaluation = await tutorEvaluationForIntern(db, convention);
    if (!evaluation) throw notFound();
    res.render('student/evaluation/tutor', {
      title: req.t('evaluation.student.tutorTitle'),
      reference: convention.reference,
      evaluation,
      lang: req.locale === 'en' ? 'en' : 'fr',
      values: formValuesOf(evaluation.answers),
      submittedOn: formatDate(evaluation.submittedAt!.toISOString().slice(0, 10), req.locale),
    });
  });
  router.post('/:id/evaluation', async (req, res) => {
    const { evaluation } = await ownEvaluation(req);
    return page(req, res, await answerEvaluationForm(req, db, clock, evaluation, `user:${req.session!.userId}`));
  });
  return router;
}
