import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { inBrowserLanguage } from '../../middleware/i18n';
import { setUpRateLimit } from '../../middleware/rateLimit';
import type { Services } from '../../services';
import { activateWithSetupCode } from '../../services/setup/setupCode';
import { defineForm, validate } from '../shared/validate';

/** The code's one field, on the shared pipeline (its label names it in the summary). */
const setupForm = defineForm(
  z.object({
    code: z
      .string({ error: 'setup.errors.required' })
      .trim()
      .min(1, { error: 'setup.errors.required' })
      .max(40, { error: 'setup.errors.wrong' }),
  }),
  { code: 'setup.code' },
);

/**
 * The first activation with the one-time code of the server's log (src/services/setup/setupCode.ts). The code is
 * the credential (no session exists before a platform is active), hence no CSRF token; counted per address.
 */
export function setupRoutes(services: Services): Router {
  const router = Router();
  router.use(inBrowserLanguage());
  router.use(setUpRateLimit({ db: services.db, name: 'setupCode', windowMs: 15 * 60_000, limit: 10, logger: services.logger }));
  const page = (req: Request, res: Response, status: number, locals: { error?: string; activated?: boolean }) => {
    const { locale, t } = req;
    res.status(status).render('setup/show', {
      t,
      locale,
      title: t('setup.title'),
      navigation: [],
      // No session before a platform is active: the page is rendered at once (no post/redirect/get), the code not echoed.
      errors: locals.error ? { code: locals.error } : {},
      errorLabels: setupForm.labels,
      activated: locals.activated ?? false,
    });
  };
  router.get('/', (req, res) => page(req, res, 200, {}));
  router.post('/', async (req, res) => {
    const parsed = validate(setupForm, req.body);
    if (!parsed.ok) return page(req, res, 422, { error: parsed.state.errors.code });
    const outcome = await activateWithSetupCode(services.db, services.lti(), parsed.values.code, services.clock.now());
    if (outcome === 'activated') return page(req, res, 200, { activated: true });
    page(req, res, 422, { error: `setup.errors.${outcome}` });
  });
  return router;
}
