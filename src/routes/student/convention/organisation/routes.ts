import { Router } from 'express';
import type { Services } from '../../../../services';
import { searchOrganisations } from '../../../../services/student/studentQueries';
import { chooseOrganisation, createOrganisation } from '../../../../services/student/conventionDraft';
import { takeFormState } from '../../../shared/formState';
import { idParam } from '../../../shared/ids';
import { draftCommand, draftForPage, parseStep, renderStep } from '../wizard';
import { chooseOrganisationSchema, createOrganisationSchema, headcountBands, searchSchema } from './schema';

/** Step 2: search the host by several criteria, choose it, or create it from the fiche de liaison; then its recap. */
export function organisationRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  const context = { db: services.db, officeEmail: services.config.officeEmail };

  router.get('/', async (req, res) => {
    const details = await draftForPage(services, req, res, 'organisation');
    if (!details) return;
    const search = searchSchema.safeParse(req.query);
    const criteria = search.success ? search.data : {};
    const searched = Object.values(criteria).some(Boolean);
    const results = searched ? await searchOrganisations(services.db, criteria) : [];
    const created = await takeFormState(req, `organisation-create-${details.convention.id}`);
    await renderStep(req, res, 'organisation', details, {
      criteria,
      searched,
      results,
      headcountBands,
      createValues: created?.values ?? { country: 'FR', sector: 'private' },
      createErrors: created?.errors ?? {},
      errors: created?.errors ?? {},
      openCreate: Boolean(created) || req.query.create === '1',
    });
  });

  router.post('/choose', async (req, res) => {
    const data = await parseStep(req, res, 'organisation', chooseOrganisationSchema);
    if (!data) return;
    await chooseOrganisation(context, draftCommand(req), data.organisationId);
    res.redirect(303, `/student/conventions/${idParam(req)}/organisation${req.body.returnTo === 'recap' ? '?from=recap' : ''}#host-recap`);
  });

  router.post('/create', async (req, res) => {
    const data = await parseStep(req, res, 'organisation', createOrganisationSchema, 'organisation-create');
    if (!data) return;
    await createOrganisation(context, draftCommand(req), data);
    res.redirect(303, `/student/conventions/${idParam(req)}/organisation${req.body.returnTo === 'recap' ? '?from=recap' : ''}#host-recap`);
  });
  return router;
}
