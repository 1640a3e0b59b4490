import { Router, type Request } from 'express';
import type { Services } from '../../../../services';
import { lookUpRegister, registerEstablishment, type RegisterContext } from '../../../../services/register/lookUpRegister';
import { registerSourceFor } from '../../../../services/register/registerSource';
import { searchOrganisations } from '../../../../services/student/studentQueries';
import { chooseOrganisation } from '../../../../services/student/conventionDraft';
import { createHost, proposedDuplicates } from '../../../../services/student/hostCreation';
import { hostRatingsForStudents } from '../../../../services/evaluations/hostRatings';
import { keepFormState, takeFormState } from '../../../shared/formState';
import { idParam } from '../../../shared/ids';
import { conflictView, draftCommand, draftForPage, parseStep, renderStep, type KeptStep } from '../wizard';
import { chooseOrganisationForm, createOrganisationForm, headcountBands, registerSearchSchema, searchSchema } from './schema';

/** The register's establishment, as the creation form's values: the student completes phone, e-mail and website. */
async function pickedFromRegister(register: RegisterContext, siret: string | undefined) {
  if (!siret) return { picked: undefined, pickProblem: undefined };
  const establishment = await registerEstablishment(register, siret);
  if (!establishment) return { picked: undefined, pickProblem: 'notFound' };
  if (!establishment.active) return { picked: undefined, pickProblem: 'closed' };
  const { siret: pickedSiret, name, street, postalCode, city, naf, legalStatus, headcountBand, sector } = establishment;
  return {
    picked: { name, siret: pickedSiret, street, postalCode, city, naf, legalStatus, headcountBand, sector, country: 'FR' },
    pickProblem: undefined,
  };
}

const back = (req: Request, anchor: string, query = '') => {
  const from = req.body.returnTo === 'recap' ? 'from=recap' : '';
  const search = [query, from].filter(Boolean).join('&');
  return `/student/conventions/${idParam(req)}/organisation${search ? `?${search}` : ''}#${anchor}`;
};

/**
 * Step 2: search the host among Pstage's records or in the national register, choose it, or create it (from the
 * register's establishment or the fiche de liaison); then its recap.
 */
export function organisationRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  const context = { db: services.db, officeEmail: services.config.officeEmail };
  const register: RegisterContext = { db: services.db, source: registerSourceFor(services.config), clock: services.clock };

  router.get('/', async (req, res) => {
    const details = await draftForPage(services, req, res, 'organisation');
    if (!details) return;
    const search = searchSchema.safeParse(req.query);
    const criteria = search.success ? search.data : {};
    const searched = Object.values(criteria).some(Boolean);
    const results = searched ? await searchOrganisations(services.db, criteria) : [];
    const registerQuery = registerSearchSchema.safeParse(req.query);
    const registerCriteria = registerQuery.success ? registerQuery.data : {};
    const lookup = registerCriteria.lookup ? await lookUpRegister(register, registerCriteria.lookup, registerCriteria.lookupPlace) : null;
    const { picked, pickProblem } = await pickedFromRegister(register, registerCriteria.pick);
    const created = await takeFormState<KeptStep>(req, `organisation-create-${details.convention.id}`);
    const duplicateIds = (created?.values.duplicateIds as number[] | undefined) ?? [];
    const duplicates = await proposedDuplicates(services.db, duplicateIds);
    await renderStep(
      req,
      res,
      'organisation',
      details,
      {
        criteria,
        searched,
        results,
        headcountBands,
        registerOn: register.source !== null,
        registerCriteria,
        lookup,
        pickProblem,
        duplicates,
        reused: req.query.reused === '1',
        createValues: created?.values ?? picked ?? { country: 'FR', sector: 'private' },
        createErrors: created?.errors ?? {},
        errors: created?.errors ?? (pickProblem ? { pick: `student.organisation.register.${pickProblem}` } : {}),
        errorLabels: created?.labels ?? {},
        ...(created?.conflict ? { conflict: conflictView(created, {}) } : {}),
        conflictForm: chooseOrganisationForm,
        openCreate: Boolean(created) || Boolean(picked) || req.query.create === '1',
        hostRatings: await hostRatingsForStudents(services.db, {
          programmeId: details.convention.programmeId,
          organisationId: details.convention.organisationId,
          today: services.clock.today(),
          minAnswers: services.config.hostRatingsMinAnswers,
        }),
      },
      { organisationId: details.convention.organisationId },
    );
  });

  router.post('/choose', async (req, res) => {
    const data = await parseStep(services, req, res, 'organisation', chooseOrganisationForm);
    if (!data) return;
    await chooseOrganisation(context, draftCommand(req), data.organisationId);
    res.redirect(303, back(req, 'host-recap'));
  });

  router.post('/create', async (req, res) => {
    const data = await parseStep(services, req, res, 'organisation', createOrganisationForm, 'organisation-create');
    if (!data) return;
    const { notDuplicate, ...fields } = data;
    const created = await createHost(context, register, draftCommand(req), fields, notDuplicate === 'yes');
    const key = `organisation-create-${idParam(req)}`;
    if (created.outcome === 'closed') {
      await keepFormState(req, key, { values: req.body, errors: { siret: 'student.organisation.register.closedSiret' } });
      return res.redirect(303, back(req, 'siret'));
    }
    if (created.outcome === 'probableDuplicates') {
      const duplicateIds = created.candidates.map((candidate) => candidate.id);
      await keepFormState(req, key, {
        values: { ...req.body, duplicateIds },
        errors: { notDuplicate: 'student.organisation.duplicates.confirm' },
      });
      return res.redirect(303, back(req, 'probable-duplicates'));
    }
    res.redirect(303, back(req, 'host-recap', created.reused ? 'reused=1' : ''));
  });
  return router;
}
