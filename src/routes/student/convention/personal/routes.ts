import { Router } from 'express';
import type { Services } from '../../../../services';
import { loadConventionDetails } from '../../../../services/student/conventionDetails';
import { academicYearChoices, savePersonalData } from '../../../../services/student/conventionDraft';
import { idParam } from '../../../shared/ids';
import { draftCommand, draftForPage, nextPage, parseStep, renderStep } from '../wizard';
import { personalFormOn } from './schema';

/** Step 1: what the LMS knows is shown; the student completes civility, birth date, address, health insurance. */
export function personalRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  router.get('/', async (req, res) => {
    const details = await draftForPage(services, req, res, 'personal');
    if (!details) return;
    const years = academicYearChoices(details.convention, services.clock.today());
    const { student, academicYear } = details.convention;
    const conflictForm = personalFormOn(services.clock.today(), details.convention.startDate ? years : undefined);
    await renderStep(req, res, 'personal', details, { years, conflictForm }, { ...student, academicYear });
  });
  router.post('/', async (req, res) => {
    const today = services.clock.today();
    const { convention } = await loadConventionDetails(services.db, req.session!.userId, idParam(req));
    const data = await parseStep(
      services,
      req,
      res,
      'personal',
      personalFormOn(today, convention.startDate ? academicYearChoices(convention, today) : undefined),
    );
    if (!data) return;
    const { academicYear, personalEmail, ...student } = data;
    await savePersonalData(services.db, draftCommand(req), {
      academicYear,
      today,
      student: { ...student, phone: student.phone ?? undefined, personalEmail: personalEmail ?? undefined },
    });
    nextPage(req, res, 'personal');
  });
  return router;
}
