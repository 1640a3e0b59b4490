import { Router } from 'express';
import type { Services } from '../../../services';
import { dayListPageSize, officeDayList, type DayList } from '../../../services/office/dayView';
import { pageNumber, pagination } from '../admin/pagination';

/** A list the dashboard's counter opens (certificates to check, overdue signatures): oldest first, a page at a time. */
export function dayListRoutes(services: Services, list: DayList): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const page = pageNumber(req);
    const context = { now: services.clock.now(), overdueAfterDays: services.config.signature.reminderAfterDays };
    const result = await officeDayList(services.db, list, context, page);
    res.render('office/today/list', {
      title: req.t(`office.day.${list}.title`, { days: services.config.signature.reminderAfterDays }),
      list,
      ...result,
      overdueAfterDays: context.overdueAfterDays,
      pager: pagination(req, page, Math.min(result.total, result.dayCountCap), dayListPageSize),
    });
  });
  return router;
}
