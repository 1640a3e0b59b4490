import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Synchronizer-token CSRF protection: every form carries the session's token in `_csrf`
 * (multipart forms put it in the query string, since the body is parsed later).
 */
export function setUpCsrf() {
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.csrfToken = req.session?.csrfToken ?? '';
    if (safeMethods.has(req.method)) return next();
    const sent = (req.body?._csrf as string | undefined) ?? (req.query._csrf as string | undefined) ?? req.get('x-csrf-token');
    const expected = req.session?.csrfToken;
    if (!expected) return next(new AppError(401, 'errors.sessionExpired'));
    if (!sent || sent.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(expected))) {
      return next(new AppError(403, 'errors.csrf'));
    }
    next();
  };
}
