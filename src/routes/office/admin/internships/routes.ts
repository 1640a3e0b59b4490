import { Router } from 'express';
import { translator } from '../../../../middleware/i18n';
import { conventionStates } from '../../../../domain/workflow';
import type { Services } from '../../../../services';
import { internshipDatabasePage, prepareInternshipExport, type InternshipExport } from '../../../../services/office/admin/internships';
import { prepareInternshipWorkbook } from '../../../../services/office/admin/internshipWorkbook';
import { validate } from '../../../shared/validate';
import { currentQuery, pageCursor, pageNumber, pagination } from '../pagination';
import { internshipFilterForm, internshipFilterSchema } from './schema';

/** Every convention of every year: a filtered, paginated list and the CSV and Excel exports of the same filter. */
export function internshipRoutes(services: Services): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    // The shared pipeline on a GET form: every mistake at once, in the filter's order, named by its label.
    const parsed = validate(internshipFilterForm, req.query);
    const page = pageNumber(req);
    const after = parsed.ok && page > 1 ? pageCursor(req) : undefined;
    const data = await internshipDatabasePage(services.db, parsed.ok ? parsed.values : {}, parsed.ok ? page : 1, after);
    res.status(parsed.ok ? 200 : 400).render('office/admin/internships', {
      title: req.t('officeAdmin.internships.title'),
      values: req.query,
      errors: parsed.ok ? {} : parsed.state.errors,
      errorLabels: parsed.ok ? {} : parsed.state.labels,
      ...data,
      rows: parsed.ok ? data.rows : [],
      states: conventionStates.filter((state) => state !== 'draft'),
      pagination: pagination(req, page, parsed.ok ? data.total : 0, data.pageSize, data.next),
      exportQuery: currentQuery(req),
    });
  });

  const exports = [
    ['csv', prepareInternshipExport, 'text/csv; charset=utf-8'],
    ['xlsx', prepareInternshipWorkbook, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ] as const;
  for (const [extension, prepare, contentType] of exports) {
    router.get(`/export.${extension}`, async (req, res) => {
      const parsed = internshipFilterSchema.safeParse(req.query);
      if (!parsed.success) {
        res.redirect(303, `/office/internships?${currentQuery(req)}`);
        return;
      }
      // The file is for French Excel and the institution's records: French headers and labels whatever the page language.
      const file: InternshipExport = await prepare(services.db, parsed.data, translator('fr'));
      res.setHeader('Content-Type', contentType);
      res.setHeader('Content-Disposition', `attachment; filename="stages-${services.clock.today()}.${extension}"`);
      res.setHeader('Cache-Control', 'no-store');
      await file.writeTo(res);
      res.end();
    });
  }
  return router;
}
