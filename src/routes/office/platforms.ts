import { Router } from 'express';
import { z } from 'zod';
import { AppError } from '../../errors';
import type { Services } from '../../services';
import { listPlatforms, setPlatformActive } from '../../services/office/platforms';
import { keepFormState, takeFormState } from '../shared/formState';

const activationForm = z.object({
  platformId: z.string().min(1).max(100),
  active: z.enum(['true', 'false']),
  confirmSameIssuer: z.literal('yes').optional(),
});

/** Platforms registered dynamically wait here until the office activates them. */
export function platformRoutes(services: Services): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const kept = await takeFormState(req, 'platforms');
    const platforms = await listPlatforms(services.lti(), services.db);
    res.render('office/platforms', { title: req.t('platforms.title'), platforms, errors: kept?.errors ?? {} });
  });
  router.post('/', async (req, res) => {
    const form = activationForm.safeParse(req.body);
    if (!form.success) throw new AppError(400, 'errors.validation');
    try {
      await setPlatformActive(services.lti(), services.db, {
        actorUserId: req.session!.userId,
        platformId: form.data.platformId,
        active: form.data.active === 'true',
        sameIssuerConfirmed: form.data.confirmSameIssuer === 'yes',
      });
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 422) throw error;
      await keepFormState(req, 'platforms', { values: req.body, errors: { [String(error.params.field)]: error.messageKey } });
      res.redirect(303, `/office/platforms#${String(error.params.field)}`);
      return;
    }
    res.redirect(303, '/office/platforms');
  });
  return router;
}
