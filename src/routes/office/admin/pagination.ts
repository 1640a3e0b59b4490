import type { Request } from 'express';

const maxPage = 100_000;

/** The page asked for; a crafted one (0, 1e300, text) is the first: its offset must stay a number the database takes. */
export function pageNumber(req: Request): number {
  const page = Number(req.query.page);
  return Number.isInteger(page) && page > 0 && page <= maxPage ? page : 1;
}

/** Links to the previous and next pages that keep every other query parameter (the current filter). */
export function pagination(req: Request, page: number, total: number, pageSize: number) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (target: number) => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(req.query))
      if (name !== 'page' && typeof value === 'string' && value !== '') query.set(name, value);
    if (target > 1) query.set('page', String(target));
    const text = query.toString();
    return `${req.baseUrl}${text ? `?${text}` : ''}`;
  };
  return { page, pages, total, previous: page > 1 ? link(page - 1) : null, next: page < pages ? link(page + 1) : null };
}

/** The current filter as a query string, for the export link. */
export function currentQuery(req: Request): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(req.query))
    if (name !== 'page' && typeof value === 'string' && value !== '') query.set(name, value);
  return query.toString();
}
