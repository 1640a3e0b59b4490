import { Router } from 'express';
import { AppError } from '../../../../errors';
import type { Services } from '../../../../services';
import { grantOffice, revokeOffice, officeStaffPage } from '../../../../services/office/admin/staff';
import { takeFormState } from '../../../shared/formState';
import { validateOrRedirect } from '../../../shared/validate';
import { grantForm, revokeSchema } from './schema';

/** Who has the office role inside Pstage; grant it to a known LMS user with a reason, or revoke it. */
export function staffRoutes(services: Services): Router {
  const router = Router();
  const db = services.db;

  router.get('/', async (req, res) => {
    const query = typeof req.query.q === 'string' ? req.query.q.trim().slice(0, 100) : '';
    const kept = await takeFormState(req, 'office-grant');
    const { grants, found } = await officeStaffPage(db, query);
    res.render('office/admin/staff', {
      title: req.t('officeAdmin.staff.title'),
      grants,
      query,
      found,
      values: kept?.values ?? {},
      errors: kept?.errors ?? {},
      errorLabels: kept?.labels ?? {},
      currentUserId: req.session!.userId,
      done: req.query.done,
    });
  });

  router.post('/grant', async (req, res) => {
    const query = typeof req.body?.q === 'string' ? `?q=${encodeURIComponent(req.body.q)}` : '';
    const form = await validateOrRedirect(req, res, grantForm, { key: 'office-grant', back: `/office/staff${query}#grant` });
    if (!form) return;
    await grantOffice(db, req.session!.userId, form.userId, form.reason);
    res.redirect(303, '/office/staff?done=granted');
  });

  router.post('/revoke', async (req, res) => {
    const form = revokeSchema.safeParse(req.body);
    if (!form.success) throw new AppError(400, 'errors.validation');
    await revokeOffice(db, req.session!.userId, form.data.userId);
    res.redirect(303, '/office/staff?done=revoked');
  });
  return router;
}
