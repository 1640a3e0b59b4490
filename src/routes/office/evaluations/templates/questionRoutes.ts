import { Router, type Request, type Response } from 'express';
import type { Services } from '../../../../services';
import { addQuestion, findQuestion, questionInputOf, updateQuestion, type QuestionInput } from '../../../../domain/templateEditing';
import { notFound } from '../../../../errors';
import { questionnaireTemplate } from '../../../../services/evaluations/questionnaireTemplates';
import { idParam } from '../../../shared/ids';
import { takeFormState } from '../../../shared/formState';
import { questionForm, questionKinds } from './schemas';
import { editFromForm, sectionIndex, templateFormKey, templatePath } from './templateEdit';

const formValuesOf = (input: QuestionInput) => ({
  kind: input.kind,
  labelFr: input.label.fr,
  labelEn: input.label.en,
  required: input.required ? 'yes' : 'no',
  choices: input.choices.map((choice) => (choice.fr === choice.en ? choice.fr : `${choice.fr} | ${choice.en}`)).join('\n'),
  grade: input.grade ? 'yes' : 'no',
});

const blank: QuestionInput = { kind: 'likert', label: { fr: '', en: '' }, required: true, choices: [], grade: false };

/** The question form of a template, to add a question to a section or to change one. */
export function questionPageRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  async function render(req: Request, res: Response, mode: 'new' | 'edit') {
    const id = idParam(req, 'templateId');
    const stored = await questionnaireTemplate(services.db, id);
    const kept = await takeFormState(req, templateFormKey(id));
    let current = blank;
    let action: string;
    if (mode === 'new') {
      const section = stored.template.sections[sectionIndex(req)];
      if (!section) throw notFound();
      action = `${templatePath(id)}/sections/${sectionIndex(req)}/questions`;
    } else {
      const question = findQuestion(stored.template, String(req.params.questionId));
      if (!question) throw notFound();
      current = questionInputOf(stored.template, question);
      action = `${templatePath(id)}/questions/${question.id}`;
    }
    res.render('office/evaluations/templates/question', {
      title: req.t(mode === 'new' ? 'evaluation.templates.newQuestion' : 'evaluation.templates.editQuestion'),
      stored,
      base: templatePath(id),
      action,
      kinds: questionKinds,
      values: kept?.values ?? formValuesOf(current),
      errors: kept?.errors ?? {},
      errorLabels: kept?.labels ?? {},
    });
  }

  router.get('/sections/:index/questions/new', (req, res) => render(req, res, 'new'));
  router.post('/sections/:index/questions', (req, res) =>
    editFromForm(services, req, res, {
      form: questionForm,
      formName: 'question',
      back: `${templatePath(idParam(req, 'templateId'))}/sections/${sectionIndex(req)}/questions/new`,
      action: 'question_added',
      edit: (template, input) => addQuestion(template, sectionIndex(req), input),
    }),
  );
  router.get('/questions/:questionId', (req, res) => render(req, res, 'edit'));
  router.post('/questions/:questionId', (req, res) =>
    editFromForm(services, req, res, {
      form: questionForm,
      formName: 'question',
      back: `${templatePath(idParam(req, 'templateId'))}/questions/${String(req.params.questionId)}`,
      next: `${templatePath(idParam(req, 'templateId'))}#question-${String(req.params.questionId)}`,
      action: 'question_changed',
      edit: (template, input) => updateQuestion(template, String(req.params.questionId), input),
    }),
  );
  return router;
}
