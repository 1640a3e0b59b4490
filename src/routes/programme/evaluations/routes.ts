import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../../../services';
import { evaluationResults } from '../../../services/evaluations/evaluationOverview';
import { idParam } from '../../shared/ids';
import { programmeEvaluationSettingsRoutes } from './settingsRoutes';

const kindSchema = z.enum(['tutor', 'student']).catch('tutor');

/** The programme head sees the averaged results of their programme's internships, per host (no single answers). */
export function programmeEvaluationRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  router.use('/settings', programmeEvaluationSettingsRoutes(services));
  router.get('/', async (req, res) => {
    const kind = kindSchema.parse(req.query.kind);
    const results = await evaluationResults(services.db, kind, services.clock.today(), idParam(req, 'programmeId'));
    res.render('programme/evaluations/index', {
      title: req.t('evaluation.office.resultsTitle'),
      results,
      kind,
      programmeId: idParam(req, 'programmeId'),
      lang: req.locale === 'en' ? 'en' : 'fr',
    });
  });
  return router;
}
