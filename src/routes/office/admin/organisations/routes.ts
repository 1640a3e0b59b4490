import { Router } from 'express';
import { AppError } from '../../../../errors';
import { organisationRepository } from '../../../../models/organisationRepository';
import type { Services } from '../../../../services';
import { editOrganisation, mergeOrganisations, organisationDetails, organisationsOverview, validateOrganisation } from '../../../../services/office/admin/organisations';
import { fieldErrors, keepFormState, takeFormState } from '../../../student/formState';
import { idFrom, pageNumber, pagination } from '../pagination';
import { headcountBands, mergeSchema, organisationEditSchema, organisationSearchSchema } from './schema';

/** Hosts: the ones students created to review, a search of all, one host's page, validate, edit and merge. */
export function organisationRoutes(services: Services): Router {
  const router = Router();
  const db = services.db;

  router.get('/', async (req, res) => {
    const search = organisationSearchSchema.safeParse(req.query);
    const criteria = search.success ? search.data : {};
    const page = pageNumber(req);
    const overview = await organisationsOverview(db, criteria, page);
    res.render('office/admin/organisations', {
      title: req.t('officeAdmin.organisations.title'),
      criteria,
      ...overview,
      pagination: pagination(req, page, overview.results.total, overview.pageSize),
      done: req.query.done,
    });
  });

  router.get('/:id', async (req, res) => {
    const details = await organisationDetails(db, idFrom(req));
    res.render('office/admin/organisation', { title: details.organisation.name, ...details, done: req.query.done });
  });

  router.post('/:id/validate', async (req, res) => {
    const id = idFrom(req);
    await validateOrganisation(db, req.session!.userId, id);
    res.redirect(303, `/office/organisations/${id}?done=validated`);
  });

  router.get('/:id/edit', async (req, res) => {
    const id = idFrom(req);
    const organisation = await organisationRepository.findById(db, id);
    if (!organisation) throw new AppError(404, 'errors.notFound');
    const kept = await takeFormState(req, `office-organisation-${id}`);
    res.render('office/admin/organisationEdit', {
      title: req.t('officeAdmin.organisations.editTitle', { name: organisation.name }),
      organisation,
      values: kept?.values ?? organisation,
      errors: kept?.errors ?? {},
      headcountBands,
    });
  });

  router.post('/:id/edit', async (req, res) => {
    const id = idFrom(req);
    const form = organisationEditSchema.safeParse(req.body);
    if (!form.success) {
      await keepFormState(req, `office-organisation-${id}`, { values: req.body, errors: fieldErrors(form.error) });
      res.redirect(303, `/office/organisations/${id}/edit`);
      return;
    }
    await editOrganisation(db, req.session!.userId, id, form.data);
    res.redirect(303, `/office/organisations/${id}?done=edited`);
  });

  router.post('/:id/merge', async (req, res) => {
    const id = idFrom(req);
    const form = mergeSchema.safeParse(req.body);
    if (!form.success) throw new AppError(400, 'errors.validation');
    const { candidateId, survivorId } = form.data;
    if (survivorId !== id && survivorId !== candidateId) throw new AppError(400, 'errors.validation');
    const duplicateId = survivorId === id ? candidateId : id;
    await mergeOrganisations(db, req.session!.userId, survivorId, duplicateId);
    res.redirect(303, `/office/organisations/${survivorId}?done=merged`);
  });
  return router;
}
