import { Router } from 'express';
import type { Services } from '../../../../services';
import { failingDeliveries, retryDelivery, skippedPostBacks } from '../../../../services/office/admin/deliveries';
import { idParam, maxBigId } from '../../../shared/ids';

/** Mails and LMS post-backs that keep failing or failed for good, and "retry now". */
export function deliveryRoutes(services: Services): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const deliveries = await failingDeliveries(services.db);
    const skipped = await skippedPostBacks(services.db);
    res.render('office/admin/deliveries', { title: req.t('officeAdmin.deliveries.title'), deliveries, skipped, done: req.query.done });
  });
  router.post('/:id/retry', async (req, res) => {
    await retryDelivery(services.db, req.session!.userId, idParam(req, 'id', maxBigId));
    res.redirect(303, '/office/deliveries?done=retried');
  });
  return router;
}
