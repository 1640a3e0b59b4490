import { Router } from 'express';
import type { Services } from '../../../services';
import type { Programme } from '../../../models/programmeRepository';
import { decideAsProgramme } from '../../../services/amendments/programmeAgreement';
import { AppError } from '../../../errors';
import { keepFormState } from '../../shared/formState';
import { idParam } from '../../shared/ids';
import { validateOrRedirect } from '../../shared/validate';
import { agreementForm } from './schema';

export const agreementFormKey = (conventionId: number) => `programme-amendment-${conventionId}`;

/** /programme/:programmeId/conventions/:conventionId/amendments/:number/agreement: the head agrees or refuses. */
export function programmeAmendmentRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  router.post('/:number/agreement', async (req, res) => {
    const programme = res.locals.programme as Programme;
    const conventionId = idParam(req, 'conventionId');
    const number = idParam(req, 'number');
    const page = `/programme/${programme.id}/conventions/${conventionId}`;
    const keep = { key: agreementFormKey(conventionId), back: `${page}#amendment-${number}` };
    const values = await validateOrRedirect(req, res, agreementForm, keep);
    if (!values) return;
    try {
      await decideAsProgramme(
        services.db,
        { programmeId: programme.id, userId: req.session!.userId, conventionId, number, ...values },
        {
          clock: services.clock,
          institution: services.config.institution,
          officeEmail: services.config.officeEmail,
          renderer: services.pdfRenderer,
        },
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 409) throw error;
      await keepFormState(req, keep.key, { values: req.body ?? {}, errors: { form: error.messageKey } });
      return res.redirect(303, keep.back);
    }
    res.redirect(303, `${page}?done=${values.decision === 'agreed' ? 'agree' : 'programmeRefuse'}#amendment-${number}`);
  });
  return router;
}
