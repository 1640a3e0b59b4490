import type { Request } from 'express';
import type { ZodError } from 'zod';
import type { SessionData } from '../../middleware/session';

/** What a rejected form leaves for the page it redirects to: the submitted values and an error key per field. */
export interface FormState {
  values: Record<string, unknown>;
  errors: Record<string, string>;
}

type SessionWithForm = SessionData & { studentForm?: { key: string } & FormState };

/** The first error of each field, as i18n keys, in the form's order. */
export function fieldErrors(error: ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return errors;
}

/** Post/redirect/get: the rejected values survive the redirect in the server-side session, once. */
export async function keepFormState(req: Request, key: string, state: FormState): Promise<void> {
  const session = req.session as SessionWithForm;
  const { _csrf: _ignored, ...values } = state.values;
  session.studentForm = { key, values, errors: state.errors };
  await req.saveSession();
}

export async function takeFormState(req: Request, key: string): Promise<FormState | undefined> {
  const session = req.session as SessionWithForm | undefined;
  const kept = session?.studentForm;
  if (!session || !kept) return undefined;
  delete session.studentForm;
  await req.saveSession();
  return kept.key === key ? { values: kept.values, errors: kept.errors } : undefined;
}
