import { Router, type Request } from 'express';
import type { Services } from '../../../services';
import { userRateLimit } from '../../../middleware/userRateLimits';
import type { Programme } from '../../../models/programmeRepository';
import { conventionStates } from '../../../domain/workflow';
import { amendmentsAwaitingProgramme } from '../../../services/amendments/amendmentView';
import { refreshRoster } from '../../../services/programme/roster';
import { listFilters, loadStudentList, parseListQuery } from '../../../services/programme/studentList';
import { decideSubjects } from '../../../services/programme/subjectDecisions';
import { assignTutor, loadTutorChoices, proposedSubjectsOf } from '../../../services/programme/tutors';
import { takeFormState } from '../../shared/formState';
import { validateOrRedirect } from '../../shared/validate';
import { bulkTutorForm, bulkValidateForm } from './schema';

const notices = ['rosterRefreshed', 'rosterFailed', 'subjectsValidated', 'tutorAssigned'] as const;

/** The students of the programme with filters and search; bulk subject validation and tutor assignment. */
export function panelRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  const base = (req: Request) => `/programme/${req.params.programmeId}`;
  const formKey = (req: Request) => `programme-panel-${req.params.programmeId}`;

  router.get('/', async (req, res) => {
    const programme = res.locals.programme as Programme;
    const roster = await refreshRoster(services, programme);
    const query = parseListQuery(req.query);
    const list = await loadStudentList(services.db, programme.id, query, services.clock.today());
    const tutors = await loadTutorChoices(services.db, programme.id, services.config.academicTutorCap, services.clock.today());
    const kept = await takeFormState(req, formKey(req));
    const done = notices.find((notice) => notice === req.query.done);
    const awaitingAmendments = await amendmentsAwaitingProgramme(services.db, programme.id);
    res.render('programme/panel', {
      awaitingAmendments,
      title: req.t('programme.panel.title', { title: programme.title }),
      base: base(req),
      ...list,
      query,
      filters: listFilters,
      states: conventionStates,
      tutors,
      sync: roster.sync,
      done,
      count: Number(req.query.count) || 0,
      skipped: Number(req.query.skipped) || 0,
      values: kept?.values ?? {},
      errors: kept?.errors ?? {},
      errorLabels: kept?.labels ?? {},
    });
  });

  router.post('/roster/refresh', userRateLimit(services, 'rosterRefresh'), async (req, res) => {
    const roster = await refreshRoster(services, res.locals.programme as Programme, { force: true });
    res.redirect(303, `${base(req)}?done=${roster.status === 'failed' ? 'rosterFailed' : 'rosterRefreshed'}`);
  });

  router.post('/students/validate', async (req, res) => {
    const parsed = await validateOrRedirect(req, res, bulkValidateForm, { key: formKey(req), back: `${base(req)}#students` });
    if (!parsed) return;
    const programmeId = (res.locals.programme as Programme).id;
    const subjectIds = await proposedSubjectsOf(services.db, programmeId, parsed.studentIds);
    const outcome =
      subjectIds.length > 0
        ? await decideSubjects(
            services.db,
            { programmeId, actorUserId: req.session!.userId, subjectIds, decision: 'validate' },
            services.clock,
          )
        : { decided: [] };
    res.redirect(303, `${base(req)}?done=subjectsValidated&count=${outcome.decided.length}`);
  });

  router.post('/students/tutor', async (req, res) => {
    const parsed = await validateOrRedirect(req, res, bulkTutorForm, { key: formKey(req), back: `${base(req)}#students` });
    if (!parsed) return;
    const result = await assignTutor(services.db, {
      programmeId: (res.locals.programme as Programme).id,
      actorUserId: req.session!.userId,
      ...parsed,
    });
    res.redirect(303, `${base(req)}?done=tutorAssigned&count=${result.assigned}&skipped=${result.skipped}`);
  });

  return router;
}
