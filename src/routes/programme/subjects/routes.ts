import { Router } from 'express';
import type { Services } from '../../../services';
import type { Programme } from '../../../models/programmeRepository';
import { decideSubjects } from '../../../services/programme/subjectDecisions';
import { loadProgrammeSubject } from '../../../services/programme/subjectView';
import { takeFormState } from '../../shared/formState';
import { idParam } from '../../shared/ids';
import { decisionForm } from './schema';
import { validateOrRedirect } from '../../shared/validate';

/** One subject of the programme: its content, history, and the head's decision (a comment is required to reject). */
export function subjectRoutes({ db, clock }: Services): Router {
  const router = Router({ mergeParams: true });

  router.get('/:subjectId', async (req, res) => {
    const programme = res.locals.programme as Programme;
    const view = await loadProgrammeSubject(db, programme.id, idParam(req, 'subjectId'));
    const kept = await takeFormState(req, `programme-subject-${view.subject.id}`);
    res.render('programme/subject', {
      title: req.t('programme.subject.title', { title: view.subject.title }),
      base: `/programme/${programme.id}`,
      ...view,
      done: req.query.done === 'decided',
      values: kept?.values ?? {},
      errors: kept?.errors ?? {},
      errorLabels: kept?.labels ?? {},
    });
  });

  router.post('/:subjectId', async (req, res) => {
    const programme = res.locals.programme as Programme;
    const subjectId = idParam(req, 'subjectId');
    const path = `/programme/${programme.id}/subjects/${subjectId}`;
    await loadProgrammeSubject(db, programme.id, subjectId);
    const parsed = await validateOrRedirect(req, res, decisionForm, { key: `programme-subject-${subjectId}`, back: path });
    if (!parsed) return;
    const { decision, comment } = parsed;
    await decideSubjects(
      db,
      { programmeId: programme.id, actorUserId: req.session!.userId, subjectIds: [subjectId], decision, comment },
      clock,
    );
    res.redirect(303, `${path}?done=decided`);
  });

  return router;
}
