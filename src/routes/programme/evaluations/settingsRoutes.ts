import { Router } from 'express';
import type { Services } from '../../../services';
import { questionnaireKinds } from '../../../domain/evaluationDefaults';
import {
  programmeEvaluationSetup,
  saveProgrammeEvaluationSetup,
  usableTemplates,
} from '../../../services/evaluations/programmeEvaluationPolicy';
import { idParam } from '../../shared/ids';
import { keepFormState, takeFormState } from '../../shared/formState';
import { validateOrRedirect } from '../../shared/validate';
import { evaluationSettingsForm } from './settingsSchema';

/** The programme head picks the questionnaires of their programme and how its evaluations are opened and shared. */
export function programmeEvaluationSettingsRoutes(services: Services): Router {
  const { db, clock } = services;
  const router = Router({ mergeParams: true });
  const key = (programmeId: number) => `programme-evaluation-settings-${programmeId}`;
  const path = (programmeId: number) => `/programme/${programmeId}/evaluations/settings`;

  router.get('/', async (req, res) => {
    const programmeId = idParam(req, 'programmeId');
    const kept = await takeFormState(req, key(programmeId));
    const setup = await programmeEvaluationSetup(db, programmeId);
    res.render('programme/evaluations/settings', {
      title: req.t('evaluation.settings.title'),
      action: path(programmeId),
      base: `/programme/${programmeId}`,
      kinds: questionnaireKinds,
      templates: await usableTemplates(db),
      lang: req.locale === 'en' ? 'en' : 'fr',
      values: kept?.values ?? {
        tutorTemplateId: String(setup.templateIds.tutor ?? ''),
        studentTemplateId: String(setup.templateIds.student ?? ''),
        referentTemplateId: String(setup.templateIds.referent ?? ''),
        tutorDaysBefore: String(setup.tutorDaysBefore),
        internSeesTutorEvaluation: setup.internSeesTutorEvaluation ? 'yes' : '',
        shareHostRatings: setup.shareHostRatings ? 'yes' : '',
        postGrade: setup.postGrade ? 'yes' : '',
      },
      errors: kept?.errors ?? {},
      errorLabels: kept?.labels ?? {},
      saved: req.query.done === 'saved',
    });
  });

  router.post('/', async (req, res) => {
    const programmeId = idParam(req, 'programmeId');
    const choices = await validateOrRedirect(req, res, evaluationSettingsForm, { key: key(programmeId), back: path(programmeId) });
    if (!choices) return;
    const result = await saveProgrammeEvaluationSetup(db, { programmeId, userId: req.session!.userId, now: clock.now(), choices });
    if (result) {
      const field = result.refused;
      await keepFormState(req, key(programmeId), {
        values: req.body ?? {},
        errors: { [field]: 'evaluation.settings.errors.template' },
        labels: { [field]: `evaluation.settings.fields.${field}` },
        order: [field],
      });
      return res.redirect(303, path(programmeId));
    }
    res.redirect(303, `${path(programmeId)}?done=saved`);
  });
  return router;
}
