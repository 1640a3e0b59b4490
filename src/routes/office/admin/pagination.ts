import type { Request } from 'express';
import { isIsoDate } from '../../../domain/calendarDate';

const maxPage = 100_000;

/** The page asked for; a crafted one (0, 1e300, text) is the first: its offset must stay a number the database takes. */
export function pageNumber(req: Request): number {
  const page = Number(req.query.page);
  return Number.isInteger(page) && page > 0 && page <= maxPage ? page : 1;
}

/** Query parameters that locate a page, not part of the filter. */
const pageParameters = new Set(['page', 'after']);

/** The keyset cursor of a "next" link: the last row of the page before ('2026-09-01_123'; an undated row '_123'). */
export function pageCursor(req: Request): { startDate: string | null; id: number } | undefined {
  const match = typeof req.query.after === 'string' ? /^(\d{4}-\d{2}-\d{2})?_(\d{1,10})$/.exec(req.query.after) : null;
  if (!match || Number(match[2]) > 2_147_483_647 || (match[1] && !isIsoDate(match[1]))) return undefined;
  return { startDate: match[1] ?? null, id: Number(match[2]) };
}

/**
 * Links to the previous and next pages that keep every other query parameter (the current filter). With
 * `nextAfter` (the cursor of the page's last row), the next link continues from it instead of counting rows.
 */
export function pagination(
  req: Request,
  page: number,
  total: number,
  pageSize: number,
  nextAfter?: { startDate: string | null; id: number },
) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (target: number) => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(req.query))
      if (!pageParameters.has(name) && typeof value === 'string' && value !== '') query.set(name, value);
    if (target > 1) query.set('page', String(target));
    if (nextAfter && target === page + 1) query.set('after', `${nextAfter.startDate ?? ''}_${nextAfter.id}`);
    const text = query.toString();
    return `${req.baseUrl}${text ? `?${text}` : ''}`;
  };
  return { page, pages, total, previous: page > 1 ? link(page - 1) : null, next: page < pages ? link(page + 1) : null };
}

/** The current filter as a query string, for the export link. */
export function currentQuery(req: Request): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(req.query))
    if (!pageParameters.has(name) && typeof value === 'string' && value !== '') query.set(name, value);
  return query.toString();
}
