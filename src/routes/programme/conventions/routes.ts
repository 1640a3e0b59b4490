import { Router } from 'express';
import type { Services } from '../../../services';
import type { Programme } from '../../../models/programmeRepository';
import { loadProgrammeConvention } from '../../../services/programme/conventionView';
import { idParam } from '../../shared/ids';

/** A convention of the programme, read-only: the office is the one who validates it. */
export function conventionRoutes({ db, clock }: Services): Router {
  const router = Router({ mergeParams: true });
  router.get('/:conventionId', async (req, res) => {
    const programme = res.locals.programme as Programme;
    const view = await loadProgrammeConvention(db, programme.id, idParam(req, 'conventionId'), clock.today());
    res.render('programme/convention', {
      title: req.t('programme.convention.title', { reference: view.convention.reference }),
      base: `/programme/${programme.id}`,
      ...view,
    });
  });
  return router;
}
