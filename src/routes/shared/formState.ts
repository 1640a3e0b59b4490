import type { Request } from 'express';
import type { ZodError } from 'zod';
import type { SessionData } from '../../middleware/session';

/**
 * What a rejected form leaves for the page it redirects to: the submitted values and an error per field
 * (an i18n key, or richer when a page needs parameters).
 */
export interface FormState<E = string> {
  values: Record<string, unknown>;
  errors: Record<string, E>;
}

type SessionWithForm = SessionData & { keptForm?: { key: string; state: FormState<unknown> } };

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
export async function keepFormState<S extends FormState<unknown>>(req: Request, key: string, state: S): Promise<void> {
  const session = req.session as SessionWithForm;
  const { _csrf: _ignored, ...values } = state.values;
  session.keptForm = { key, state: { ...state, values } };
  await req.saveSession();
}

export async function takeFormState<S extends FormState<unknown> = FormState>(req: Request, key: string): Promise<S | undefined> {
  const session = req.session as SessionWithForm | undefined;
  const kept = session?.keptForm;
  if (!session || !kept) return undefined;
  delete session.keptForm;
  await req.saveSession();
  return kept.key === key ? (kept.state as S) : undefined;
}
