import type { Request } from 'express';
import { notFound } from '../../errors';

/** A numeric id from the URL; anything else is a page that does not exist. */
export function idParam(req: Request, name = 'id'): number {
  const value = Number(req.params[name]);
  if (!Number.isInteger(value) || value <= 0 || value > 2_147_483_647) throw notFound();
  return value;
}
