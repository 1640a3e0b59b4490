import { Router } from 'express';
import { academicYearOf } from '../../../../domain/academicYear';
import type { Services } from '../../../../services';
import { yearStatistics } from '../../../../services/office/admin/statistics';
import { programmeTeachingVolumes } from '../../../../services/programme/settings';

/** Figures of one academic year (the current one by default), as tables. */
export function statisticsRoutes(services: Services): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const asked = typeof req.query.year === 'string' && /^\d{4}-\d{4}$/.test(req.query.year) ? req.query.year : undefined;
    const year = asked ?? academicYearOf(services.clock.today());
    const statistics = await yearStatistics(services.db, year);
    const years = [...new Set([year, academicYearOf(services.clock.today()), ...statistics.academicYears])].sort().reverse();
    const teachingVolumes = await programmeTeachingVolumes(services.db);
    res.render('office/admin/statistics', {
      title: req.t('officeAdmin.statistics.title', { year }),
      year,
      years,
      statistics,
      teachingVolumes,
    });
  });
  return router;
}
