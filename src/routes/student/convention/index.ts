import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../../../services';
import { ownConvention, ownConventionPage, studentProgrammes } from '../../../services/student/studentQueries';
import { wizardSteps } from '../../../services/student/wizardSteps';
import { startConvention } from '../../../services/student/conventionDraft';
import { AppError, notFound } from '../../../errors';
import { idParam, idSchema } from '../../shared/ids';
import { academicTutorRoutes } from './academic-tutor/routes';
import { contactStepRoutes } from './contact/contactStepRoutes';
import { internshipRoutes } from './internship/routes';
import { leaveRoutes } from './leave/routes';
import { legalRepresentativeRoutes } from './legal-representative/routes';
import { organisationRoutes } from './organisation/routes';
import { personalRoutes } from './personal/routes';
import { recapRoutes } from './recap/routes';
import { reviewRoutes } from './review/routes';
import { serviceRoutes } from './service/routes';
import { statusRoutes } from './status/routes';
import { amendmentRoutes } from '../../amendments/routes';
import { wizardConflictHandler } from './wizard';

const startSchema = z.object({ programmeId: idSchema().optional() });

const stepPaths = new Set<string>(wizardSteps.map((step) => `/${step}`));
/** `/personal`, `/personal/`: a wizard step's own page (not a post's sub-path such as an organisation search). */
const isWizardStep = (path: string) => stepPaths.has(path.endsWith('/') && path.length > 1 ? path.slice(0, -1) : path);

/** /student/conventions: start a draft, the wizard steps (src/services/student/wizardSteps.ts), and the status page. */
export function conventionRoutes(services: Services): Router {
  const router = Router();
  router.post('/', async (req, res) => {
    const session = req.session!;
    const programmes = await studentProgrammes(services.db, session.userId);
    const form = startSchema.safeParse(req.body ?? {});
    if (!form.success) throw new AppError(400, 'errors.validation');
    const asked = form.data.programmeId ?? session.programmeId ?? programmes[0]?.id;
    if (!asked) throw notFound();
    const convention = await startConvention(services.db, session.userId, asked, services.clock.today());
    res.redirect(303, `/student/conventions/${convention.id}/personal`);
  });
  router.use('/:id', async (req, res, next) => {
    // A wizard page shown: the draft with what it refers to and its latest event, in one query.
    const page =
      req.method === 'GET' && isWizardStep(req.path) ? await ownConventionPage(services.db, idParam(req), req.session!.userId) : undefined;
    const convention = page?.convention ?? (await ownConvention(services.db, idParam(req), req.session!.userId));
    if (!convention) throw notFound();
    // Read once per request: the wizard's pages render from this row rather than reading it again.
    res.locals.ownConvention = convention;
    res.locals.ownConventionPage = page;
    next();
  });
  router.use('/:id/personal', personalRoutes(services));
  router.use('/:id/organisation', organisationRoutes(services));
  router.use('/:id/service', serviceRoutes(services));
  router.use('/:id/tutor', contactStepRoutes(services, 'tutor'));
  router.use('/:id/internship', internshipRoutes(services));
  router.use('/:id/review', reviewRoutes(services));
  router.use('/:id/academic-tutor', academicTutorRoutes(services));
  router.use('/:id/signatory', contactStepRoutes(services, 'signatory'));
  router.use('/:id/leave', leaveRoutes(services));
  router.use('/:id/legal-representative', legalRepresentativeRoutes(services));
  router.use('/:id/recap', recapRoutes(services));
  router.use('/:id/amendments', amendmentRoutes(services, 'student'));
  router.use('/:id', statusRoutes(services));
  router.use('/:id', wizardConflictHandler(services));
  return router;
}
