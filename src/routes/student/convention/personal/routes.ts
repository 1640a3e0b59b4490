import { Router } from 'express';
import { academicYearOf } from '../../../../domain/academicYear';
import type { Services } from '../../../../services';
import { savePersonalData } from '../../../../services/student/conventionDraft';
import { draftCommand, draftForPage, nextPage, parseStep, renderStep } from '../wizard';
import { personalSchemaOn } from './schema';

/** Step 1: what the LMS knows is shown; the student completes civility, birth date, address, health insurance. */
export function personalRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  router.get('/', async (req, res) => {
    const details = await draftForPage(services, req, res, 'personal');
    if (!details) return;
    const current = academicYearOf(services.clock.today());
    const start = Number(current.slice(0, 4));
    const years = [current, `${start + 1}-${start + 2}`];
    const { student, academicYear } = details.convention;
    await renderStep(req, res, 'personal', details, { years }, { ...student, academicYear });
  });
  router.post('/', async (req, res) => {
    const data = await parseStep(req, res, 'personal', personalSchemaOn(services.clock.today()));
    if (!data) return;
    const { academicYear, personalEmail, ...student } = data;
    await savePersonalData(services.db, draftCommand(req), {
      academicYear,
      student: { ...student, phone: student.phone ?? undefined, personalEmail: personalEmail ?? undefined },
    });
    nextPage(req, res, 'personal');
  });
  return router;
}
