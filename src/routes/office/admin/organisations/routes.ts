import { Router, type Request, type Response } from 'express';
import { AppError } from '../../../../errors';
import type { Services } from '../../../../services';
import {
  editOrganisation,
  findOrganisation,
  mergeOrganisations,
  organisationDetails,
  organisationsOverview,
  survivorOf,
  validateOrganisation,
} from '../../../../services/office/admin/organisations';
import { lockHost, refreshHost } from '../../../../services/office/admin/hostRefresh';
import type { RegisterContext } from '../../../../services/register/lookUpRegister';
import { registerSourceFor } from '../../../../services/register/registerSource';
import { keepFormState, takeFormState } from '../../../shared/formState';
import { validateOrRedirect } from '../../../shared/validate';
import { idParam, parseVersion } from '../../../shared/ids';
import { pageNumber, pagination } from '../pagination';
import { headcountBands, mergeSchema, organisationEditForm, organisationSearchSchema } from './schema';

/** The version of the record the form was shown with; a missing or crafted one can only be a stale page. */
function versionFrom(value: unknown): number {
  const version = parseVersion(value);
  if (version === undefined) throw new AppError(409, 'errors.conflict');
  return version;
}

const isConflict = (error: unknown) => error instanceof AppError && error.status === 409;

/**
 * Hosts: the ones students created to review, a search of all, one host's page, validate, edit and merge.
 * Each change applies to the version of the record the office member saw; a concurrent change comes back as a
 * conflict message, with nothing written.
 */
export function organisationRoutes(services: Services): Router {
  const router = Router();
  const db = services.db;
  const register: RegisterContext = { db, source: registerSourceFor(services.config), clock: services.clock };

  /** Back to the host's page (or the list when the host was merged away meanwhile) with the conflict message. */
  async function conflictBack(req: Request, res: Response, id: number) {
    const stillThere = await findOrganisation(db, id);
    await keepFormState(req, stillThere ? `office-organisation-page-${id}` : 'office-organisations', {
      values: {},
      errors: { form: stillThere ? 'officeAdmin.organisations.conflict.page' : 'officeAdmin.organisations.conflict.gone' },
    });
    res.redirect(303, stillThere ? `/office/organisations/${id}` : '/office/organisations');
  }

  router.get('/', async (req, res) => {
    const search = organisationSearchSchema.safeParse(req.query);
    const criteria = search.success ? search.data : {};
    const page = pageNumber(req);
    const overview = await organisationsOverview(db, criteria, page);
    const kept = await takeFormState(req, 'office-organisations');
    res.render('office/admin/organisations', {
      errors: kept?.errors ?? {},
      title: req.t('officeAdmin.organisations.title'),
      criteria,
      ...overview,
      pagination: pagination(req, page, overview.results.total, overview.pageSize),
      done: req.query.done,
    });
  });

  /**
   * A page of a record merged away (the office's bookmarks, the mail announcing a new host) leads to the record
   * kept: the office is the only one who sees these pages, and this router is mounted behind its access check.
   */
  router.get(['/:id', '/:id/edit'], async (req, res, next) => {
    const id = idParam(req);
    if (await findOrganisation(db, id)) return next();
    const kept = await survivorOf(db, id);
    if (kept === undefined) return next();
    const rest = req.path.endsWith('/edit') ? '/edit' : '';
    res.redirect(301, `/office/organisations/${kept}${rest}`);
  });

  router.get('/:id', async (req, res) => {
    const id = idParam(req);
    const details = await organisationDetails(db, id, services.clock.today());
    const kept = await takeFormState(req, `office-organisation-page-${id}`);
    res.render('office/admin/organisation', {
      title: details.organisation.name,
      ...details,
      done: req.query.done,
      errors: kept?.errors ?? {},
      refresh: kept?.values.refresh,
      registerOn: register.source !== null,
    });
  });

  router.post('/:id/refresh', async (req, res) => {
    const id = idParam(req);
    let refresh;
    try {
      refresh = await refreshHost(db, register, req.session!.userId, id, versionFrom(req.body?.version));
    } catch (error) {
      if (!isConflict(error)) throw error;
      return conflictBack(req, res, id);
    }
    await keepFormState(req, `office-organisation-page-${id}`, { values: { refresh }, errors: {} });
    res.redirect(303, `/office/organisations/${id}#register-refresh`);
  });

  router.post('/:id/lock', async (req, res) => {
    const id = idParam(req);
    try {
      await lockHost(db, req.session!.userId, id, versionFrom(req.body?.version), req.body?.locked === 'true');
    } catch (error) {
      if (!isConflict(error)) throw error;
      return conflictBack(req, res, id);
    }
    res.redirect(303, `/office/organisations/${id}?done=${req.body?.locked === 'true' ? 'locked' : 'unlocked'}`);
  });

  router.post('/:id/validate', async (req, res) => {
    const id = idParam(req);
    try {
      await validateOrganisation(db, req.session!.userId, id, versionFrom(req.body?.version));
    } catch (error) {
      if (!isConflict(error)) throw error;
      return conflictBack(req, res, id);
    }
    res.redirect(303, `/office/organisations/${id}?done=validated`);
  });

  router.get('/:id/edit', async (req, res) => {
    const id = idParam(req);
    const organisation = await findOrganisation(db, id);
    if (!organisation) throw new AppError(404, 'errors.notFound');
    const kept = await takeFormState(req, `office-organisation-${id}`);
    res.render('office/admin/organisationEdit', {
      title: req.t('officeAdmin.organisations.editTitle', { name: organisation.name }),
      organisation,
      values: kept?.values ?? organisation,
      // After a conflict the form keeps the version it was made from: saving it again cannot overwrite the other change.
      version: kept?.values.version ?? organisation.version,
      errors: kept?.errors ?? {},
      errorLabels: kept?.labels ?? {},
      headcountBands,
    });
  });

  router.post('/:id/edit', async (req, res) => {
    const id = idParam(req);
    const form = await validateOrRedirect(req, res, organisationEditForm, {
      key: `office-organisation-${id}`,
      back: `/office/organisations/${id}/edit`,
    });
    if (!form) return;
    try {
      await editOrganisation(db, req.session!.userId, id, versionFrom(req.body.version), form);
    } catch (error) {
      if (error instanceof AppError && error.status === 422 && error.params?.field) {
        await keepFormState(req, `office-organisation-${id}`, {
          values: req.body,
          errors: { [String(error.params.field)]: error.messageKey },
        });
        return res.redirect(303, `/office/organisations/${id}/edit`);
      }
      if (!isConflict(error)) throw error;
      await keepFormState(req, `office-organisation-${id}`, {
        values: req.body,
        errors: { form: 'officeAdmin.organisations.conflict.edit' },
      });
      return res.redirect(303, `/office/organisations/${id}/edit`);
    }
    res.redirect(303, `/office/organisations/${id}?done=edited`);
  });

  /** A merge deletes a record: the page's button asks first, on a page of its own (no JavaScript needed). */
  router.get('/:id/merge', async (req, res) => {
    const id = idParam(req);
    const form = mergeSchema.safeParse(req.query);
    if (!form.success || (form.data.survivorId !== id && form.data.survivorId !== form.data.candidateId)) {
      return res.redirect(303, `/office/organisations/${id}#duplicates-title`);
    }
    const { candidateId, survivorId } = form.data;
    const [organisation, candidate] = [await findOrganisation(db, id), await findOrganisation(db, candidateId)];
    if (!organisation || !candidate) return conflictBack(req, res, id);
    const [survivor, duplicate] = survivorId === id ? [organisation, candidate] : [candidate, organisation];
    res.render('office/admin/organisationMerge', {
      title: req.t('officeAdmin.organisations.mergeConfirm.title'),
      organisation,
      candidate,
      survivor,
      duplicate,
      // The versions the user saw on the host's page: a change since then is still a conflict when they confirm.
      version: versionFrom(req.query.version),
      candidateVersion: versionFrom(req.query.candidateVersion),
    });
  });

  router.post('/:id/merge', async (req, res) => {
    const id = idParam(req);
    const form = mergeSchema.safeParse(req.body);
    if (!form.success) throw new AppError(400, 'errors.validation');
    const { candidateId, survivorId } = form.data;
    if (survivorId !== id && survivorId !== candidateId) throw new AppError(400, 'errors.validation');
    const duplicateId = survivorId === id ? candidateId : id;
    try {
      const versions = { [id]: versionFrom(req.body.version), [candidateId]: versionFrom(req.body.candidateVersion) };
      await mergeOrganisations(db, req.session!.userId, {
        survivorId,
        survivorVersion: versions[survivorId],
        duplicateId,
        duplicateVersion: versions[duplicateId],
      });
    } catch (error) {
      if (!isConflict(error)) throw error;
      return conflictBack(req, res, id);
    }
    res.redirect(303, `/office/organisations/${survivorId}?done=merged`);
  });
  return router;
}
