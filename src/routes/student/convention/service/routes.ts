import { Router } from 'express';
import type { Services } from '../../../../services';
import { organisationServices } from '../../../../services/student/studentQueries';
import { saveService } from '../../../../services/student/conventionDraft';
import { draftCommand, draftForPage, nextPage, parseStep, renderStep } from '../wizard';
import { serviceForm } from './schema';

/** Step 3: one of the host's services, or a new one ("same address as the host?" no reveals the address). */
export function serviceRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  router.get('/', async (req, res) => {
    const details = await draftForPage(services, req, res, 'service');
    if (!details) return;
    const list = details.organisation ? await organisationServices(services.db, details.organisation.id) : [];
    const choice = details.convention.serviceId ? String(details.convention.serviceId) : list.length === 0 ? 'new' : '';
    await renderStep(req, res, 'service', details, { services: list, conflictForm: serviceForm }, { choice, sameAddress: 'yes' });
  });
  router.post('/', async (req, res) => {
    const data = await parseStep(services, req, res, 'service', serviceForm);
    if (!data) return;
    await saveService(services.db, draftCommand(req), data);
    nextPage(req, res, 'service');
  });
  return router;
}
