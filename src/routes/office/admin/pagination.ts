import type { Request } from 'express';
import { notFound } from '../../../errors';

export function pageNumber(req: Request): number {
  const page = Number(req.query.page);
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/** Links to the previous and next pages that keep every other query parameter (the current filter). */
export function pagination(req: Request, page: number, total: number, pageSize: number) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (target: number) => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(req.query)) if (name !== 'page' && typeof value === 'string' && value !== '') query.set(name, value);
    if (target > 1) query.set('page', String(target));
    const text = query.toString();
    return `${req.baseUrl}${text ? `?${text}` : ''}`;
  };
  return { page, pages, total, previous: page > 1 ? link(page - 1) : null, next: page < pages ? link(page + 1) : null };
}

/** A numeric id from the URL, or 404 (a crafted URL never reaches the database as NaN). */
export function idFrom(req: Request, name = 'id'): number {
  const id = Number(req.params[name]);
  if (!Number.isInteger(id) || id <= 0 || id > 2147483647) throw notFound();
  return id;
}

/** The current filter as a query string, for the export link. */
export function currentQuery(req: Request): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(req.query)) if (name !== 'page' && typeof value === 'string' && value !== '') query.set(name, value);
  return query.toString();
}
