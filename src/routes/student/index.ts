import { Router } from 'express';
import type { Services } from '../../services';
import { requireStudent } from '../../middleware/authorisation';
import { certificateRoutes } from './certificate/routes';
import { conventionRoutes } from './convention';
import { documentRoutes } from './documents/routes';
import { homeRoutes } from './home/routes';
import { studentEvaluationRoutes } from './evaluation/routes';
import { subjectRoutes } from './subject/routes';
import { setUpViewHelpers } from '../shared/viewHelpers';

/** The student's pages: home, subject, the convention wizard and its status, documents. */
export function studentRoutes(services: Services): Router {
  const router = Router();
  router.use(requireStudent(services.db));
  router.use(setUpViewHelpers());
  router.use('/', homeRoutes(services));
  router.use('/subject', subjectRoutes(services));
  router.use('/certificate', certificateRoutes(services));
  router.use('/', documentRoutes(services));
  router.use('/conventions', studentEvaluationRoutes(services));
  router.use('/conventions', conventionRoutes(services));
  return router;
}
