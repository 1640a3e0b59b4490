import type { Request, RequestHandler } from 'express';
import type { ZodType } from 'zod';
import { AppError } from '../../../errors';
import type { SessionData } from '../../../middleware/session';
import type { OfficeCommand } from '../../../services/office/officeCommand';
import { idParam } from '../../student/params';

export interface OfficeFormError {
  key: string;
  params: Record<string, string | number>;
}

/** What a refused office form leaves for the page it redirects to: which form, its values, its errors. */
export interface OfficeFormState {
  form: string;
  conventionId: number;
  values: Record<string, unknown>;
  /** By field; 'form' holds a refusal of the whole action (the workflow's reason, a conflict). */
  errors: Record<string, OfficeFormError>;
}

type SessionWithForm = SessionData & { officeForm?: OfficeFormState };

async function keep(req: Request, state: OfficeFormState) {
  const { _csrf: _ignored, ...values } = state.values;
  (req.session as SessionWithForm).officeForm = { ...state, values };
  await req.saveSession();
}

export async function takeOfficeForm(req: Request, conventionId: number): Promise<OfficeFormState | undefined> {
  const session = req.session as SessionWithForm | undefined;
  const kept = session?.officeForm;
  if (!session || !kept) return undefined;
  delete session.officeForm;
  await req.saveSession();
  return kept.conventionId === conventionId ? kept : undefined;
}

/**
 * One office action: parse its form, run its use case with the version the user saw, and come back to the
 * convention (post/redirect/get). A field error, a workflow refusal or a conflict returns to the form with the
 * values kept; nothing was written, since each use case is one transaction.
 */
export function officeAction<T>(form: string, schema: ZodType<T>, run: (command: OfficeCommand, data: T) => Promise<unknown>): RequestHandler {
  return async (req, res) => {
    const conventionId = idParam(req);
    const page = `/office/conventions/${conventionId}`;
    const values = (req.body ?? {}) as Record<string, unknown>;
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const errors: Record<string, OfficeFormError> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= { key: issue.message, params: {} };
      await keep(req, { form, conventionId, values, errors });
      return res.redirect(303, `${page}#${form}`);
    }
    const version = Number(values.version);
    try {
      if (!Number.isInteger(version)) throw new AppError(409, 'errors.conflict');
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
