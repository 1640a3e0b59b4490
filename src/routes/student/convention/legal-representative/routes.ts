import { Router } from 'express';
import type { Services } from '../../../../services';
import { saveLegalRepresentative } from '../../../../services/student/conventionTerms';
import { stepAfter, stepApplies } from '../../../../services/student/wizardSteps';
import { draftCommand, draftForPage, nextPage, parseStep, renderStep } from '../wizard';
import { legalRepresentativeForm } from './schema';

/** Step 10, only for a student under 18 on the first day: their legal representative, who signs the convention too. */
export function legalRepresentativeRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  router.get('/', async (req, res) => {
    const details = await draftForPage(services, req, res, 'legal-representative');
    if (!details) return;
    const c = details.convention;
    if (!stepApplies('legal-representative', c)) {
      res.redirect(303, `/student/conventions/${c.id}/${stepAfter('legal-representative', c)}`);
      return;
    }
    const { street, postalCode, city, country } = c.student;
    await renderStep(
      req,
      res,
      'legal-representative',
      details,
      { conflictForm: legalRepresentativeForm },
      { ...(c.legalRepresentative ?? { street, postalCode, city, country }) },
    );
  });
  router.post('/', async (req, res) => {
    const data = await parseStep(services, req, res, 'legal-representative', legalRepresentativeForm);
    if (!data) return;
    const { phone, ...representative } = data;
    const saved = await saveLegalRepresentative(services.db, draftCommand(req), { ...representative, ...(phone ? { phone } : {}) });
    nextPage(req, res, 'legal-representative', saved);
  });
  return router;
}
