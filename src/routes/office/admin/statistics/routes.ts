import { Router } from 'express';
import { z } from 'zod';
import { academicYearOf } from '../../../../domain/academicYear';
import type { Services } from '../../../../services';
import { barChart } from '../../../../services/office/admin/barChart';
import { yearStatistics } from '../../../../services/office/admin/statistics';
import { programmeTeachingVolumes } from '../../../../services/programme/settings';

/** A filter is a link anyone may edit: what does not parse is left out (the current year, every programme). */
const yearParam = z.string().regex(/^\d{4}-\d{4}$/);
const programmeParam = z.coerce.number().int().positive().max(2_147_483_647);

/** Figures of one academic year (the current one by default), of one programme or all, as charts and tables. */
export function statisticsRoutes(services: Services): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const year = yearParam.safeParse(req.query.year).data ?? academicYearOf(services.clock.today());
    const statistics = await yearStatistics(services.db, year, programmeParam.safeParse(req.query.programme).data);
    const programme = statistics.programme;
    const years = [...new Set([year, academicYearOf(services.clock.today()), ...statistics.academicYears])].sort().reverse();
    const teachingVolumes = await programmeTeachingVolumes(services.db);
    res.render('office/admin/statistics', {
      title: programme
        ? req.t('officeAdmin.statistics.titleProgramme', { year, programme: programme.title })
        : req.t('officeAdmin.statistics.title', { year }),
      year,
      years,
      programmeId: programme?.id,
      statistics,
      charts: {
        byStartMonth: barChart(statistics.byStartMonth),
        byState: barChart(statistics.byState),
        byProgramme: barChart(statistics.byProgramme),
        byGratification: barChart(statistics.byGratification),
        byCountry: barChart(statistics.byCountry),
        byHeadcount: barChart(statistics.byHeadcountBand),
      },
      teachingVolumes: programme ? teachingVolumes.filter((volume) => volume.id === programme.id) : teachingVolumes,
    });
  });
  return router;
}
