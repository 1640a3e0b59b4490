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
  /** The i18n key of the label of each field in error, for the summary (see `validate`). */
  labels?: Record<string, string>;
  /** The fields in error in the form's order: the session is stored as jsonb, which does not keep keys in order. */
  order?: string[];
}

type SessionWithForm = SessionData & { keptForm?: { key: string; state: FormState<unknown> } };

/** A form's fields in the order the page shows them, each with the i18n key of its own label. */
export type FieldLabels = Readonly<Record<string, string>>;

/**
 * The first error of each field (an i18n key), in the form's order: the fields of `labels` first as the page shows
 * them, then any other field in the order zod found them; `form` (an error of the whole form) comes first.
 */
export function orderedFieldErrors(error: ZodError, labels: FieldLabels = {}): Record<string, string> {
  const found = new Map<string, string>();
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (!found.has(field)) found.set(field, issue.message);
  }
  const order = ['form', ...Object.keys(labels)];
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  const fields = [...found.keys()].sort((a, b) => rank(a) - rank(b));
  return Object.fromEntries(fields.map((field) => [field, found.get(field)!]));
}

/** The first error of each field, as i18n keys, in the order zod found them (forms with labels use `validate`). */
export function fieldErrors(error: ZodError): Record<string, string> {
  return orderedFieldErrors(error);
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
  if (kept.key !== key) return undefined;
  const { order, ...state } = kept.state;
  if (!order) return state as S;
  const errors = Object.fromEntries(order.filter((field) => field in state.errors).map((field) => [field, state.errors[field]]));
  return { ...state, errors: { ...errors, ...state.errors } } as S;
}

/** One page, several forms: the kept state of whichever of them was rejected (taking one key would drop the others'). */
export async function takeFormStates<S extends FormState<unknown> = FormState>(
  req: Request,
  keys: readonly string[],
): Promise<Record<string, S | undefined>> {
  const kept = (req.session as SessionWithForm | undefined)?.keptForm?.key;
  const taken = kept && keys.includes(kept) ? await takeFormState<S>(req, kept) : undefined;
  return Object.fromEntries(keys.map((key) => [key, key === kept ? taken : undefined]));
}
