import { Router } from 'express';
import type { Services } from '../../../services';
import type { Programme } from '../../../models/programmeRepository';
import { loadProgrammeConvention } from '../../../services/programme/conventionView';
import { idParam } from '../../shared/ids';
import { takeFormState } from '../../shared/formState';
import { amendmentsOf } from '../../../services/amendments/amendmentView';
import { agreementFormKey } from '../amendments/routes';

/** A convention of the programme, read-only: the office is the one who validates it. */
export function conventionRoutes({ db, clock }: Services): Router {
  const router = Router({ mergeParams: true });
  router.get('/:conventionId', async (req, res) => {
    const programme = res.locals.programme as Programme;
    const view = await loadProgrammeConvention(db, programme.id, idParam(req, 'conventionId'), clock.today());
    const kept = await takeFormState(req, agreementFormKey(view.convention.id));
    res.render('programme/convention', {
      amendments: (await amendmentsOf(db, view.convention)).entries,
      kept: kept ?? null,
      done: typeof req.query.done === 'string' ? req.query.done : null,
      title: req.t('programme.convention.title', { reference: view.convention.reference }),
      base: `/programme/${programme.id}`,
      ...view,
    });
  });
  return router;
}
