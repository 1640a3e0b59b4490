import type { Request, Response } from 'express';
import type { ZodType } from 'zod';
import type { $RefinementCtx } from 'zod/v4/core';
import { keepFormState, orderedFieldErrors, type FieldLabels, type FormState } from './formState';

export type { FieldLabels };

/** One form: the zod schema that parses it and the labels (in page order) its errors are shown with. */
export interface FormDefinition<T> {
  schema: ZodType<T>;
  labels: FieldLabels;
}

export const defineForm = <T>(schema: ZodType<T>, labels: FieldLabels): FormDefinition<T> => ({ schema, labels });

export type Validation<T> = { ok: true; values: T } | { ok: false; state: FormState };

/**
 * The one validation step of every form: parses the body with the form's schema; on success the typed values, on
 * failure what the page needs to show it again (the submitted values, the errors in form order, and the label
 * of each field in error so the summary names the field as the page does).
 */
export function validate<T>(form: FormDefinition<T>, input: unknown): Validation<T> {
  const values = input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
  const parsed = form.schema.safeParse(values);
  if (parsed.success) return { ok: true, values: parsed.data };
  const errors = orderedFieldErrors(parsed.error, form.labels);
  const labels = Object.fromEntries(Object.keys(errors).flatMap((field) => (form.labels[field] ? [[field, form.labels[field]]] : [])));
  return { ok: false, state: { values, errors, labels, order: Object.keys(errors) } };
}

/**
 * Post/redirect/get around `validate`: the typed values, or null once the rejected form was kept for `key` and the
 * browser sent back to `back`.
 */
export async function validateOrRedirect<T>(
  req: Request,
  res: Response,
  form: FormDefinition<T>,
  keep: { key: string; back: string },
): Promise<T | null> {
  const result = validate(form, req.body);
  if (result.ok) return result.values;
  await keepFormState(req, keep.key, result.state);
  res.redirect(303, keep.back);
  return null;
}

/** Labels under one i18n prefix, in the page's order, with the fields whose label is elsewhere given in full. */
export function fieldLabels(prefix: string, fields: readonly string[], own: FieldLabels = {}): FieldLabels {
  return Object.fromEntries(fields.map((field) => [field, own[field] ?? `${prefix}${field}`]));
}

/** What a check across fields is given: the values, whether some fields parsed, and a way to add a field's error. */
export interface CrossCheck<T> {
  form: T;
  parsed: (...fields: (keyof T & string)[]) => boolean;
  issue: (field: string, message: string) => void;
}

/**
 * Checks across fields that run in the same pass as the fields' own checks (zod skips an object's refinements once
 * a field failed): each check reads only values that `parsed` says are typed, the others being what was sent.
 */
export function crossChecks<T>(check: (cross: CrossCheck<T>) => void) {
  return [
    (form: T, context: $RefinementCtx<T>) => {
      if (!form || typeof form !== 'object') return;
      const failed = new Set(context.issues.map((issue) => String(issue.path?.[0] ?? '')));
      check({
        form,
        parsed: (...fields) => fields.every((field) => !failed.has(field)),
        issue: (field, message) => context.addIssue({ code: 'custom', path: [field], message }),
      });
    },
    { when: () => true },
  ] as const;
}
