import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '../../../errors';
import type { OfficeCommand } from '../../../services/office/officeCommand';
import { keepFormState, takeFormState, type FormState } from '../../shared/formState';
import { idParam, parseVersion } from '../../shared/ids';
import { validate, type FormDefinition } from '../../shared/validate';

export interface OfficeFormError {
  key: string;
  params: Record<string, string | number>;
}

/** What a refused office form leaves for the page it redirects to: which form, its values, its errors. */
export interface OfficeFormState extends FormState<OfficeFormError> {
  form: string;
  conventionId: number;
  /** By field; 'form' holds a refusal of the whole action (the workflow's reason, a conflict). */
  errors: Record<string, OfficeFormError>;
}

const keptKey = (conventionId: number) => `office-convention-${conventionId}`;

export const keepOfficeForm = (req: Request, state: OfficeFormState) => keepFormState(req, keptKey(state.conventionId), state);
const keep = keepOfficeForm;

export function takeOfficeForm(req: Request, conventionId: number): Promise<OfficeFormState | undefined> {
  return takeFormState<OfficeFormState>(req, keptKey(conventionId));
}

/**
 * One office action: parse its form, run its use case with the version the user saw, and come back to the
 * convention (post/redirect/get). A field error, a workflow refusal or a conflict returns to the form with the
 * values kept; nothing was written, since each use case is one transaction.
 */
export function officeAction<T>(
  form: string,
  definition: FormDefinition<T>,
  run: (command: OfficeCommand, data: T) => Promise<unknown>,
  options: {
    /** A valid form waits on a confirmation page before anything is written. */
    confirm?: boolean;
    /** What the schema reads, when more than the form's text fields (an uploaded file, which is not kept). */
    input?: (req: Request, res: Response) => Record<string, unknown>;
  } = {},
): RequestHandler {
  return async (req, res) => {
    const conventionId = idParam(req);
    const page = `/office/conventions/${conventionId}`;
    const values = (req.body ?? {}) as Record<string, unknown>;
    const parsed = validate(definition, options.input ? options.input(req, res) : values);
    if (!parsed.ok) {
      const { errors, labels, order } = parsed.state;
      const kept = Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, { key, params: {} }]));
      await keep(req, { form, conventionId, values, errors: kept, labels, order });
      return res.redirect(303, `${page}#${form}`);
    }
    if (options.confirm && values.confirmed !== 'yes') {
      // Nothing written yet: the valid form waits on a confirmation page that posts it again, confirmed.
      await keep(req, { form, conventionId, values, errors: {} });
      return res.redirect(303, `${page}/confirm/${form}`);
    }
    const version = parseVersion(values.version);
    try {
      if (version === undefined) throw new AppError(409, 'errors.conflict');
      await run({ officeUserId: req.session!.userId, conventionId, version }, parsed.values);
    } catch (error) {
      if (!(error instanceof AppError) || ![409, 422].includes(error.status)) throw error;
      const { field, ...params } = error.params;
      await keep(req, { form, conventionId, values, errors: { [String(field ?? 'form')]: { key: error.messageKey, params } } });
      return res.redirect(303, `${page}#${form}`);
    }
    res.redirect(303, `${page}?done=${form}`);
  };
}
