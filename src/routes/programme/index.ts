import { Router } from 'express';
import type { Services } from '../../services';
import { requireProgrammeStaff } from '../../middleware/authorisation';

export function programmeRoutes(services: Services): Router {
  const router = Router();
  router.use('/:programmeId', requireProgrammeStaff(services.db));
  router.get('/:programmeId', (req, res) => {
    res.render('programme/panel', { title: req.t('home.programme.title') });
  });
  return router;
}
