import type { Request } from 'express';
import { z } from 'zod';
import { notFound } from '../../errors';

/** Ids are int4 columns (serial): outside 1 … 2 147 483 647 a number names no row, and the database would refuse it. */
export const maxId = 2_147_483_647;
/** Ids of bigserial tables (the outbox) are read as JavaScript numbers: safe integers only. */
export const maxBigId = Number.MAX_SAFE_INTEGER;

const decimal = /^\d{1,16}$/;

/** A positive id written in decimal ('42'), within the column's range; anything else is undefined. */
export function parseId(value: unknown, max = maxId): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!decimal.test(text)) return undefined;
  const id = Number(text);
  return Number.isSafeInteger(id) && id >= 1 && id <= max ? id : undefined;
}

/** An id in a form field: the field's error (an i18n key) when it is missing, not a number or out of range. */
export const idSchema = (message = 'student.errors.choose') =>
  z.custom<unknown>().transform((value, context): number => {
    const id = parseId(value);
    if (id !== undefined) return id;
    context.addIssue({ code: 'custom', message });
    return z.NEVER;
  });

/** An optional id in a query string: a value that is not one is ignored. */
export const optionalIdSchema = () => idSchema().optional().catch(undefined);

/** An id in the URL: anything else is a page that does not exist (404). */
export function idParam(req: Request, name = 'id', max = maxId): number {
  const id = parseId(req.params[name], max);
  if (id === undefined) throw notFound();
  return id;
}

/**
 * The version of a record a form was shown with (optimistic locking; versions start at 1). A missing or crafted
 * one can only come from a stale or forged page: undefined, which callers answer as a conflict.
 */
export function parseVersion(value: unknown): number | undefined {
  return parseId(value);
}
