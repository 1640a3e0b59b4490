import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../../services';
import { requireOffice } from '../../middleware/authorisation';
import { officeDashboard } from '../../services/office/controlQueue';
import { dayLists, officeDayView } from '../../services/office/dayView';
import { setUpViewHelpers } from '../shared/viewHelpers';
import { officeAdminRoutes } from './admin';
import { officeConventionRoutes } from './conventions';
import { amendmentRoutes } from '../amendments/routes';
import { officeEvaluationRoutes } from './evaluations/routes';
import { platformRoutes } from './platforms';
import { defaultStartWarningDays } from './startWarning';
import { dayListRoutes } from './today/routes';

const withinSchema = z.coerce.number().int().min(0).max(365).catch(defaultStartWarningDays);

export function officeRoutes(services: Services): Router {
  const router = Router();
  router.use(requireOffice());
  router.use(setUpViewHelpers());
  router.get('/', async (req, res) => {
    const within =
      req.query.within === undefined || req.query.within === '' ? defaultStartWarningDays : withinSchema.parse(req.query.within);
    const today = services.clock.today();
    // Independent reads: side by side on the pool.
    const [dashboard, day] = await Promise.all([
      officeDashboard(services.db, today, within),
      officeDayView(services.db, {
        today,
        now: services.clock.now(),
        overdueAfterDays: services.config.signature.reminderAfterDays,
        withinDays: within,
      }),
    ]);
    res.render('office/dashboard', { title: req.t('home.office.title'), ...dashboard, ...day, within, today });
  });
  for (const list of dayLists) router.use(`/today/${list}`, dayListRoutes(services, list));
  router.use('/conventions/:id/amendments', amendmentRoutes(services, 'office'));
  router.use('/conventions', officeConventionRoutes(services));
  router.use('/evaluations', officeEvaluationRoutes(services));
  router.use('/platforms', platformRoutes(services));
  router.use(officeAdminRoutes(services));
  return router;
}
