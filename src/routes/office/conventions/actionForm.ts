import type { Request, RequestHandler, Response } from 'express';
import type { ZodType } from 'zod';
import { AppError } from '../../../errors';
import type { OfficeCommand } from '../../../services/office/officeCommand';
import { keepFormState, takeFormState, type FormState } from '../../shared/formState';
import { idParam, parseVersion } from '../../shared/ids';

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

const keep = (req: Request, state: OfficeFormState) => keepFormState(req, keptKey(state.conventionId), state);

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
  schema: ZodType<T>,
  run: (command: OfficeCommand, data: T) => Promise<unknown>,
  /** What the schema reads, when more than the form's text fields (an uploaded file, which is not kept). */
  input?: (req: Request, res: Response) => Record<string, unknown>,
): RequestHandler {
  return async (req, res) => {
    const conventionId = idParam(req);
    const page = `/office/conventions/${conventionId}`;
    const values = (req.body ?? {}) as Record<string, unknown>;
    const parsed = schema.safeParse(input ? input(req, res) : values);
    if (!parsed.success) {
      const errors: Record<string, OfficeFormError> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= { key: issue.message, params: {} };
      await keep(req, { form, conventionId, values, errors });
      return res.redirect(303, `${page}#${form}`);
    }
    const version = parseVersion(values.version);
    try {
      if (version === undefined) throw new AppError(409, 'errors.conflict');
      await run({ officeUserId: req.session!.userId, conventionId, version }, parsed.data);
    } catch (error) {
      if (!(error instanceof AppError) || ![409, 422].includes(error.status)) throw error;
      const { field, ...params } = error.params;
      await keep(req, { form, conventionId, values, errors: { [String(field ?? 'form')]: { key: error.messageKey, params } } });
      return res.redirect(303, `${page}#${form}`);
    }
    res.redirect(303, `${page}?done=${form}`);
  };
}
