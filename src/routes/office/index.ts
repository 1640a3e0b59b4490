import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../../services';
import { requireOffice } from '../../middleware/authorisation';
import { officeDashboard } from '../../services/office/controlQueue';
import { setUpViewHelpers } from '../shared/viewHelpers';
import { officeAdminRoutes } from './admin';
import { officeConventionRoutes } from './conventions';
import { amendmentRoutes } from '../amendments/routes';
import { officeEvaluationRoutes } from './evaluations/routes';
import { platformRoutes } from './platforms';
import { defaultStartWarningDays } from './startWarning';

const withinSchema = z.coerce.number().int().min(0).max(365).catch(defaultStartWarningDays);

export function officeRoutes(services: Services): Router {
  const router = Router();
  router.use(requireOffice());
  router.use(setUpViewHelpers());
  router.get('/', async (req, res) => {
    const within =
      req.query.within === undefined || req.query.within === '' ? defaultStartWarningDays : withinSchema.parse(req.query.within);
    const dashboard = await officeDashboard(services.db, services.clock.today(), within);
    res.render('office/dashboard', { title: req.t('home.office.title'), ...dashboard, within, today: services.clock.today() });
  });
  router.use('/conventions/:id/amendments', amendmentRoutes(services, 'office'));
  router.use('/conventions', officeConventionRoutes(services));
  router.use('/evaluations', officeEvaluationRoutes(services));
  router.use('/platforms', platformRoutes(services));
  router.use(officeAdminRoutes(services));
  return router;
}
