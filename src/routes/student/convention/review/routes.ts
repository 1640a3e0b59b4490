import { Router } from 'express';
import type { Services } from '../../../../services';
import { confirmReview } from '../../../../services/student/conventionDraft';
import { checkNotStale, draftCommand, draftForPage, nextPage, renderStep } from '../wizard';

/** Step 6: the entry so far, read back before the tutors and the signatory. */
export function reviewRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  router.get('/', async (req, res) => {
    const details = await draftForPage(services, req, res, 'review');
    if (details) await renderStep(req, res, 'review', details, {});
  });
  router.post('/', async (req, res) => {
    if (!(await checkNotStale(services, req, res, 'review'))) return;
    await confirmReview(services.db, draftCommand(req));
    nextPage(req, res, 'review');
  });
  return router;
}
