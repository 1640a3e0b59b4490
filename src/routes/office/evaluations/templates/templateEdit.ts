import type { Request, Response } from 'express';
import type { Services } from '../../../../services';
import type { EvaluationTemplate } from '../../../../domain/evaluationTemplate';
import type { EditRefusal } from '../../../../domain/templateEditing';
import { AppError, notFound } from '../../../../errors';
import { editQuestionnaireTemplate } from '../../../../services/evaluations/questionnaireTemplates';
import { idParam, parseVersion } from '../../../shared/ids';
import { keepFormState } from '../../../shared/formState';
import { validate, type FormDefinition } from '../../../shared/validate';

export const templatesPath = '/office/evaluations/templates';
export const templatePath = (id: number) => `${templatesPath}/${id}`;
/** Every form of one template's pages keeps its rejected values under one key, with the form's name in them. */
export const templateFormKey = (id: number) => `evaluation-template-${id}`;

/** A section's position in the URL; anything else names no page. */
export const sectionIndex = (req: Request) => {
  if (!/^\d{1,3}$/.test(String(req.params.index))) throw notFound();
  return Number(req.params.index);
};

/**
 * Runs one edit of a template from a form: the form's values parsed (field errors kept for the page `back`), the
 * version it was shown with checked (a conflict comes back as the form's error), then the next page.
 */
export async function editFromForm<T>(
  services: Services,
  req: Request,
  res: Response,
  options: {
    form?: FormDefinition<T>;
    formName: string;
    back: string;
    next?: string;
    action: string;
    edit: (template: EvaluationTemplate, values: T) => EvaluationTemplate | EditRefusal;
  },
) {
  const id = idParam(req, 'templateId');
  const body = (req.body ?? {}) as Record<string, unknown>;
  const keep = (state: { errors: Record<string, string>; labels?: Record<string, string>; order?: string[] }) =>
    keepFormState(req, templateFormKey(id), { values: { ...body, formName: options.formName }, ...state }).then(() =>
      res.redirect(303, options.back),
    );
  let values = undefined as T;
  if (options.form) {
    const result = validate(options.form, body);
    if (!result.ok) return keep(result.state);
    values = result.values;
  }
  const version = parseVersion(body.version);
  try {
    if (version === undefined) throw new AppError(409, 'evaluation.templates.errors.conflict');
    await editQuestionnaireTemplate(services.db, {
      id,
      version,
      userId: req.session!.userId,
      now: services.clock.now(),
      action: options.action,
      edit: (template) => options.edit(template, values),
    });
  } catch (error) {
    if (!(error instanceof AppError) || error.status !== 409) throw error;
    return keep({ errors: { form: error.messageKey } });
  }
  res.redirect(303, options.next ?? templatePath(id));
}
