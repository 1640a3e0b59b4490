import { Router, type Request, type Response } from 'express';
import type { Services } from '../../../services';
import { formValuesOf } from '../../../domain/evaluationAnswers';
import { formatDate } from '../../../format';
import { referentEvaluation, referentEvaluationWithConvention, referentInterns } from '../../../services/evaluations/referentEvaluations';
import { answerEvaluationForm } from '../../shared/evaluationForm';
import { idParam } from '../../shared/ids';

type Form = Record<string, unknown>;

/** The academic referent's evaluation of their interns (their visit, their reading of the report), from their panel. */
export function referentEvaluationRoutes(services: Services): Router {
  const { db, clock } = services;
  const router = Router({ mergeParams: true });
  const lang = (req: Request) => (req.locale === 'en' ? 'en' : 'fr');

  router.get('/', async (req, res) => {
    const programmeId = idParam(req, 'programmeId');
    const interns = await referentInterns(db, programmeId, req.session!.userId);
    res.render('programme/evaluations/referent', {
      title: req.t('evaluation.referent.title'),
      base: `/programme/${programmeId}`,
      interns: interns.map((row) => ({ ...row, lastDay: row.lastDay ? formatDate(row.lastDay, req.locale) : '' })),
    });
  });

  async function page(req: Request, res: Response, state: { notice?: string; errors?: Record<string, string>; values?: Form } = {}) {
    const programmeId = idParam(req, 'programmeId');
    const { evaluation, convention } = await referentEvaluationWithConvention(
      db,
      programmeId,
      idParam(req, 'conventionId'),
      req.session!.userId,
    );
    res.status(Object.keys(state.errors ?? {}).length > 0 ? 422 : 200).render('programme/evaluations/referentForm', {
      title: req.t('evaluation.referent.formTitle', { studentName: `${convention.student.firstName} ${convention.student.lastName}` }),
      base: `/programme/${programmeId}`,
      reference: convention.reference,
      evaluation,
      lang: lang(req),
      values: state.values ?? formValuesOf(evaluation.answers),
      errors: state.errors ?? {},
      submittedOn: evaluation.submittedAt ? formatDate(evaluation.submittedAt.toISOString().slice(0, 10), req.locale) : '',
      action: `/programme/${programmeId}/evaluations/referent/${convention.id}`,
      notice: state.notice,
    });
  }

  router.get('/:conventionId', (req, res) => page(req, res));
  router.post('/:conventionId', async (req, res) => {
    const evaluation = await referentEvaluation(db, idParam(req, 'programmeId'), idParam(req, 'conventionId'), req.session!.userId);
    return page(req, res, await answerEvaluationForm(req, db, clock, evaluation, `user:${req.session!.userId}`));
  });
  return router;
}
