import { Router } from 'express';
import type { Services } from '../../services';
import { requireProgrammeStaff } from '../../middleware/authorisation';
import { setUpViewHelpers } from '../shared/viewHelpers';
import { programmeAmendmentRoutes } from './amendments/routes';
import { conventionRoutes } from './conventions/routes';
import { panelRoutes } from './panel/routes';
import { programmeEvaluationRoutes } from './evaluations/routes';
import { settingsRoutes } from './settings/routes';
import { subjectRoutes } from './subjects/routes';
import { tutorRoutes } from './tutors/routes';

/** The programme head's pages, each under the programme they are staff of (checked in the database on every request). */
export function programmeRoutes(services: Services): Router {
  const router = Router();
  const programme = Router({ mergeParams: true });
  programme.use(setUpViewHelpers());
  programme.use('/', panelRoutes(services));
  programme.use('/subjects', subjectRoutes(services));
  programme.use('/tutors', tutorRoutes(services));
  programme.use('/conventions/:conventionId/amendments', programmeAmendmentRoutes(services));
  programme.use('/conventions', conventionRoutes(services));
  programme.use('/settings', settingsRoutes(services));
  programme.use('/evaluations', programmeEvaluationRoutes(services));
  router.use('/:programmeId', requireProgrammeStaff(services.db), programme);
  return router;
}
