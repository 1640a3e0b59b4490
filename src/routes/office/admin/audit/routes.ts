import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../../../../services';
import { auditLogPage } from '../../../../services/office/admin/audit';
import { parseId } from '../../../shared/ids';
import { pageNumber, pagination } from '../pagination';

const pageSize = 50;
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined);
const auditFilterSchema = z
  .object({ action: text(100), targetType: text(50), targetId: text(50), actor: text(200) })
  .transform((filter) => ({ ...filter, actorId: parseId(filter.actor) }));

/** The global audit log, newest first; `?targetType=convention&targetId=N` shows one convention's. */
export function auditRoutes(services: Services): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const filter = auditFilterSchema.parse(req.query);
    const page = pageNumber(req);
    const { targetTypes, ...results } = await auditLogPage(services.db, filter, page, pageSize);
    res.render('office/admin/audit', {
      title: req.t('officeAdmin.audit.title'),
      filter,
      targetTypes,
      rows: results.rows,
      pagination: pagination(req, page, results.total, pageSize),
    });
  });
  return router;
}
