import { Router } from 'express';
import type { Services } from '../../../services';
import { questionnaireKinds } from '../../../domain/evaluationDefaults';
import { evaluationResults } from '../../../services/evaluations/evaluationOverview';
import { idParam } from '../../shared/ids';
import { resultsKindSchema, templateKeySchema } from '../../shared/evaluationQuery';
import { programmeEvaluationSettingsRoutes } from './settingsRoutes';
import { referentEvaluationRoutes } from './referentRoutes';

/** The programme head sees the averaged results of their programme's internships, per host (no single answers). */
export function programmeEvaluationRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  router.use('/settings', programmeEvaluationSettingsRoutes(services));
  router.use('/referent', referentEvaluationRoutes(services));
  router.get('/', async (req, res) => {
    const kind = resultsKindSchema.parse(req.query.kind);
    const results = await evaluationResults(services.db, kind, services.clock.today(), {
      programmeId: idParam(req, 'programmeId'),
      templateKey: templateKeySchema.parse(req.query.template),
    });
    res.render('programme/evaluations/index', {
      title: req.t('evaluation.office.resultsTitle'),
      results,
      kind,
      base: `/programme/${idParam(req, 'programmeId')}`,
      kinds: questionnaireKinds,
      lang: req.locale === 'en' ? 'en' : 'fr',
    });
  });
  return router;
}
