import { Router } from 'express';
import type { Services } from '../../../services';
import { auditRoutes } from './audit/routes';
import { deliveryRoutes } from './deliveries/routes';
import { internshipRoutes } from './internships/routes';
import { organisationRoutes } from './organisations/routes';
import { staffRoutes } from './staff/routes';
import { statisticsRoutes } from './statistics/routes';
import { viewFormat } from './viewFormat';

/** The office's records and administration: organisations, internship database, statistics, staff, audit log, deliveries. */
export function officeAdminRoutes(services: Services): Router {
  const router = Router();
  const sections = ['/organisations', '/internships', '/statistics', '/staff', '/audit', '/deliveries'];
  router.use(sections, (req, res, next) => {
    res.locals.format = viewFormat(req.locale ?? 'fr');
    next();
  });
  router.use('/organisations', organisationRoutes(services));
  router.use('/internships', internshipRoutes(services));
  router.use('/statistics', statisticsRoutes(services));
  router.use('/staff', staffRoutes(services));
  router.use('/audit', auditRoutes(services));
  router.use('/deliveries', deliveryRoutes(services));
  return router;
}
