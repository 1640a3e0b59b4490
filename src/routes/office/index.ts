import { Router } from 'express';
import type { Services } from '../../services';
import { requireOffice } from '../../middleware/authorisation';
import { officeAdminRoutes } from './admin';
import { platformRoutes } from './platforms';

export function officeRoutes(services: Services): Router {
  const router = Router();
  router.use(requireOffice());
  router.get('/', (req, res) => {
    res.render('office/dashboard', { title: req.t('home.office.title') });
  });
  router.use('/platforms', platformRoutes(services));
  router.use(officeAdminRoutes(services));
  return router;
}
