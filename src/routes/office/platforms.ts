import { Router } from 'express';
import { z } from 'zod';
import { AppError } from '../../errors';
import type { Services } from '../../services';
import { listPlatforms, setPlatformActive } from '../../services/office/platforms';
import { keepFormState, takeFormState } from '../shared/formState';
import { defineForm, validate } from '../shared/validate';

/**
 * One platform's activation: its hidden fields come from the page (anything else is a forged post, 400); the only
 * field the office fills is the same-issuer confirmation, checked by the service and named by its own label.
 */
const activationForm = defineForm(
  z.object({
    platformId: z.string().min(1).max(100),
    active: z.enum(['true', 'false']),
    confirmSameIssuer: z.literal('yes').optional(),
  }),
  { confirmSameIssuer: 'platforms.confirmSameIssuer' },
);

/** Platforms registered dynamically wait here until the office activates them. */
export function platformRoutes(services: Services): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const kept = await takeFormState(req, 'platforms');
    const platforms = await listPlatforms(services.lti(), services.db);
    res.render('office/platforms', {
      title: req.t('platforms.title'),
      platforms,
      errors: kept?.errors ?? {},
      errorLabels: kept?.labels ?? {},
    });
  });
  router.post('/', async (req, res) => {
    const form = validate(activationForm, req.body);
    if (!form.ok) throw new AppError(400, 'errors.validation');
    try {
      await setPlatformActive(services.lti(), services.db, {
        actorUserId: req.session!.userId,
        platformId: form.values.platformId,
        active: form.values.active === 'true',
        sameIssuerConfirmed: form.values.confirmSameIssuer === 'yes',
      });
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 422) throw error;
      // The checkbox of that platform's row (`confirm-<id>`), named in the summary by its own label.
      const field = String(error.params.field);
      await keepFormState(req, 'platforms', {
        values: req.body,
        errors: { [field]: error.messageKey },
        labels: { [field]: activationForm.labels.confirmSameIssuer },
        order: [field],
      });
      res.redirect(303, `/office/platforms#${String(error.params.field)}`);
      return;
    }
    res.redirect(303, '/office/platforms');
  });
  return router;
}
