import { Router } from 'express';
import type { Services } from '../../../services';
import type { Programme } from '../../../models/programmeRepository';
import { createTeacher, loadTutorChoices } from '../../../services/programme/tutors';
import { takeFormState } from '../../shared/formState';
import { teacherForm } from './schema';
import { validateOrRedirect } from '../../shared/validate';

/** The programme's academic tutors with their interns this year (warning above the cap), and a new one by hand. */
export function tutorRoutes({ db, config, clock }: Services): Router {
  const router = Router({ mergeParams: true });

  router.get('/', async (req, res) => {
    const programme = res.locals.programme as Programme;
    const kept = await takeFormState(req, `programme-tutors-${programme.id}`);
    res.render('programme/tutors', {
      title: req.t('programme.tutors.title'),
      base: `/programme/${programme.id}`,
      tutors: await loadTutorChoices(db, programme.id, config.academicTutorCap, clock.today()),
      done: req.query.done === 'teacherCreated',
      values: kept?.values ?? {},
      errors: kept?.errors ?? {},
      errorLabels: kept?.labels ?? {},
    });
  });

  router.post('/', async (req, res) => {
    const programme = res.locals.programme as Programme;
    const parsed = await validateOrRedirect(req, res, teacherForm, {
      key: `programme-tutors-${programme.id}`,
      back: `/programme/${programme.id}/tutors#new-teacher`,
    });
    if (!parsed) return;
    await createTeacher(db, programme.id, req.session!.userId, parsed);
    res.redirect(303, `/programme/${programme.id}/tutors?done=teacherCreated`);
  });

  return router;
}
