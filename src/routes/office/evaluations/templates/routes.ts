import { Router, type Request } from 'express';
import type { Services } from '../../../../services';
import { questionnaireKinds } from '../../../../domain/evaluationDefaults';
import { addSection, moveQuestion, removeQuestion, removeSection, renameSection, retitle } from '../../../../domain/templateEditing';
import { notFound } from '../../../../errors';
import {
  createQuestionnaireTemplate,
  isUsable,
  listQuestionnaireTemplates,
  questionnaireTemplate,
} from '../../../../services/evaluations/questionnaireTemplates';
import { idParam } from '../../../shared/ids';
import { keepFormState, takeFormState } from '../../../shared/formState';
import { validate } from '../../../shared/validate';
import { questionPageRoutes } from './questionRoutes';
import { moveSchema, newTemplateForm, sectionForm, titleForm } from './schemas';
import { editFromForm, sectionIndex, templateFormKey, templatePath, templatesPath } from './templateEdit';

/** The office's questionnaire templates: list, create (as a copy), edit sections and questions. */
export function questionnaireTemplateRoutes(services: Services): Router {
  const { db, clock } = services;
  const router = Router();
  const lang = (req: Request) => (req.locale === 'en' ? 'en' : 'fr');

  router.get('/', async (req, res) => {
    const kept = await takeFormState(req, 'evaluation-template-new');
    const templates = await listQuestionnaireTemplates(db);
    res.render('office/evaluations/templates/index', {
      title: req.t('evaluation.templates.title'),
      templates,
      kinds: questionnaireKinds,
      lang: lang(req),
      values: kept?.values ?? { kind: 'tutor', copyOf: '', titleFr: '', titleEn: '' },
      errors: kept?.errors ?? {},
      errorLabels: kept?.labels ?? {},
    });
  });

  router.post('/', async (req, res) => {
    const result = validate(newTemplateForm, req.body);
    const back = async (state: { values: Record<string, unknown>; errors: Record<string, string>; labels?: Record<string, string> }) => {
      await keepFormState(req, 'evaluation-template-new', state);
      res.redirect(303, `${templatesPath}#new-template`);
    };
    if (!result.ok) return back(result.state);
    const created = await createQuestionnaireTemplate(db, { ...result.values, userId: req.session!.userId, now: clock.now() });
    if ('refused' in created)
      return back({
        values: req.body ?? {},
        errors: { copyOf: 'evaluation.templates.errors.copyOf' },
        labels: { copyOf: 'evaluation.templates.fields.copyOf' },
      });
    res.redirect(303, templatePath(created.id));
  });

  router.get('/:templateId', async (req, res) => {
    const id = idParam(req, 'templateId');
    const stored = await questionnaireTemplate(db, id);
    const kept = await takeFormState(req, templateFormKey(id));
    const formName = kept?.values.formName;
    res.render('office/evaluations/templates/edit', {
      title: req.t('evaluation.templates.editTitle', { title: stored.template.title[lang(req)] }),
      stored,
      template: stored.template,
      usable: isUsable(stored.template),
      base: templatePath(id),
      lang: lang(req),
      formName,
      values: kept?.values ?? {},
      errors: kept?.errors ?? {},
      errorLabels: kept?.labels ?? {},
    });
  });

  router.post('/:templateId/title', (req, res) =>
    editFromForm(services, req, res, {
      form: titleForm,
      formName: 'title',
      back: `${templatePath(idParam(req, 'templateId'))}#template-title`,
      action: 'retitled',
      edit: (template, title) => retitle(template, title),
    }),
  );

  router.post('/:templateId/sections', (req, res) =>
    editFromForm(services, req, res, {
      form: sectionForm,
      formName: 'section',
      back: `${templatePath(idParam(req, 'templateId'))}#new-section`,
      action: 'section_added',
      edit: (template, title) => addSection(template, title),
    }),
  );

  router.get('/:templateId/sections/:index', async (req, res) => {
    const id = idParam(req, 'templateId');
    const stored = await questionnaireTemplate(db, id);
    const section = stored.template.sections[sectionIndex(req)];
    if (!section) throw notFound();
    const kept = await takeFormState(req, templateFormKey(id));
    res.render('office/evaluations/templates/section', {
      title: req.t('evaluation.templates.renameSection'),
      stored,
      base: templatePath(id),
      action: `${templatePath(id)}/sections/${sectionIndex(req)}`,
      values: kept?.values ?? { sectionFr: section.title.fr, sectionEn: section.title.en },
      errors: kept?.errors ?? {},
      errorLabels: kept?.labels ?? {},
    });
  });

  router.post('/:templateId/sections/:index', (req, res) =>
    editFromForm(services, req, res, {
      form: sectionForm,
      formName: 'renameSection',
      back: `${templatePath(idParam(req, 'templateId'))}/sections/${sectionIndex(req)}`,
      action: 'section_renamed',
      edit: (template, title) => renameSection(template, sectionIndex(req), title),
    }),
  );

  router.post('/:templateId/sections/:index/delete', (req, res) =>
    editFromForm(services, req, res, {
      formName: 'structure',
      back: templatePath(idParam(req, 'templateId')),
      action: 'section_removed',
      edit: (template) => removeSection(template, sectionIndex(req)),
    }),
  );

  router.use('/:templateId', questionPageRoutes(services));

  router.post('/:templateId/questions/:questionId/delete', (req, res) =>
    editFromForm(services, req, res, {
      formName: 'structure',
      back: templatePath(idParam(req, 'templateId')),
      action: 'question_removed',
      edit: (template) => removeQuestion(template, String(req.params.questionId)),
    }),
  );

  router.post('/:templateId/questions/:questionId/move', (req, res) =>
    editFromForm(services, req, res, {
      formName: 'structure',
      back: templatePath(idParam(req, 'templateId')),
      next: `${templatePath(idParam(req, 'templateId'))}#question-${String(req.params.questionId)}`,
      action: 'question_moved',
      edit: (template) => moveQuestion(template, String(req.params.questionId), moveSchema.parse((req.body ?? {}).direction)),
    }),
  );

  return router;
}
