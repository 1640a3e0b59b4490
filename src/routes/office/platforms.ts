import { Router } from 'express';
import { z } from 'zod';
import { AppError } from '../../errors';
import type { Services } from '../../services';
import { auditRepository } from '../../models/auditRepository';

const activationForm = z.object({ platformId: z.string().min(1), active: z.enum(['true', 'false']) });

/** Platforms registered dynamically wait here until the office activates them. */
export function platformRoutes(services: Services): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const platforms = await services.lti().provider.getAllPlatforms();
    const rows = await Promise.all(
      platforms.map(async (platform) => ({
        id: await platform.platformKid(),
        name: await platform.platformName(),
        url: await platform.platformUrl(),
        clientId: await platform.platformClientId(),
        active: await platform.platformActive(),
      })),
    );
    res.render('office/platforms', { title: req.t('platforms.title'), platforms: rows });
  });
  router.post('/', async (req, res) => {
    const form = activationForm.safeParse(req.body);
    if (!form.success) throw new AppError(400, 'errors.validation');
    const platform = await services.lti().provider.getPlatformById(form.data.platformId);
    if (!platform) throw new AppError(404, 'errors.notFound');
    const active = form.data.active === 'true';
    await platform.platformActive(active);
    await auditRepository.record(services.db, {
      actorUserId: req.session!.userId,
      action: active ? 'platform.activate' : 'platform.deactivate',
      targetType: 'platform',
      targetId: form.data.platformId,
    });
    res.redirect(303, '/office/platforms');
  });
  return router;
}
