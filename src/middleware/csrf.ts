import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function isMultipart(req: Request): boolean {
  return (req.get('content-type') ?? '').split(';')[0].trim().toLowerCase() === 'multipart/form-data';
}

/**
 * Why this request may not change anything: no session (401), or the form's token missing or wrong (403).
 * The token comes from the form's `_csrf` field (or an `X-CSRF-Token` header), never from the URL, which
 * access logs, proxies and the browser's history keep.
 */
export function csrfRefusal(req: Request): AppError | undefined {
  const expected = req.session?.csrfToken;
  if (!expected) return new AppError(401, 'errors.sessionExpired');
  const field: unknown = req.body?._csrf;
  const sent = typeof field === 'string' ? field : req.get('x-csrf-token');
  if (!sent || sent.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(expected))) {
    return new AppError(403, 'errors.csrf');
  }
  return undefined;
}

/**
 * Synchronizer-token CSRF protection: every form carries the session's token in `_csrf`. A multipart body is
 * read by its route, not here: on the paths that take a file (`multipartPaths`) the route checks the token
 * as soon as the fields before the file are read (see `csrfCheckedUpload`); a multipart post anywhere else
 * has no readable token and is refused.
 */
export function setUpCsrf(options: { multipartPaths?: (string | RegExp)[] } = {}) {
  const multipartPaths = options.multipartPaths ?? [];
  const takesFile = (path: string) =>
    multipartPaths.some((allowed) => (typeof allowed === 'string' ? allowed === path : allowed.test(path)));
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.csrfToken = req.session?.csrfToken ?? '';
    if (safeMethods.has(req.method)) return next();
    if (isMultipart(req) && takesFile(req.path.replace(/\/$/, '')) && req.session) return next();
    next(csrfRefusal(req));
  };
}
