import { Router } from 'express';
import type { Services } from '../../../services';
import { ownSubject, studentProgrammes } from '../../../services/student/studentQueries';
import { notFound } from '../../../errors';
import { makeProgrammeStaffKnown } from '../../../services/programme/programmeStaff';
import { proposeSubject, reviseSubject } from '../../../services/student/subjects';
import { keepFormState, takeFormState } from '../../shared/formState';
import { idParam } from '../../shared/ids';
import { validate } from '../../shared/validate';
import { subjectForm } from './schema';

/** Propose a subject to a programme; edit it while proposed; revise and propose it again once rejected. */
export function subjectRoutes(services: Services): Router {
  const { db } = services;
  const router = Router();

  router.get('/new', async (req, res) => {
    const programmes = await studentProgrammes(db, req.session!.userId);
    const kept = await takeFormState(req, 'subject-new');
    const defaults = { programmeId: req.session!.programmeId ?? programmes[0]?.id ?? '' };
    res.render('student/subject/form', {
      title: req.t('student.subject.newTitle'),
      action: '/student/subject',
      subject: null,
      programmes,
      values: kept?.values ?? defaults,
      errors: kept?.errors ?? {},
    });
  });

  router.post('/', async (req, res) => {
    const parsed = validate(subjectForm, req.body);
    if (!parsed.ok) {
      await keepFormState(req, 'subject-new', parsed.state);
      return res.redirect(303, '/student/subject/new');
    }
    const { programmeId, ...fields } = parsed.values;
    await makeProgrammeStaffKnown(services, req.session!.userId, programmeId);
    await proposeSubject(db, req.session!.userId, programmeId, fields, services.clock);
    res.redirect(303, '/student?done=subjectProposed');
  });

  router.get('/:id', async (req, res) => {
    const owned = await ownSubject(db, idParam(req), req.session!.userId);
    if (!owned) throw notFound();
    const { subject, programme, hasConvention } = owned;
    const kept = await takeFormState(req, `subject-${subject.id}`);
    res.render('student/subject/form', {
      title: req.t('student.subject.editTitle'),
      action: `/student/subject/${subject.id}`,
      subject,
      hasConvention,
      programmes: programme ? [programme] : [],
      values: kept?.values ?? subject,
      errors: kept?.errors ?? {},
    });
  });

  router.post('/:id', async (req, res) => {
    const subjectId = idParam(req);
    const subject = (await ownSubject(db, subjectId, req.session!.userId))?.subject;
    if (!subject) throw notFound();
    const parsed = validate(subjectForm, { ...req.body, programmeId: subject.programmeId });
    if (!parsed.ok) {
      await keepFormState(req, `subject-${subjectId}`, parsed.state);
      return res.redirect(303, `/student/subject/${subjectId}`);
    }
    const { programmeId: _programme, ...fields } = parsed.values;
    await reviseSubject(db, req.session!.userId, subjectId, fields, services.clock);
    res.redirect(303, '/student?done=subjectProposed');
  });

  return router;
}
