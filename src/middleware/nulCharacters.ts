import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors';

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (depth > 5 || !value || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, inner]) => key.includes('\0') || containsNul(inner, depth + 1));
}

/** True when a value (a parsed body, a file name) holds a NUL character anywhere. */
export function hasNulCharacter(value: unknown): boolean {
  return containsNul(value);
}

/**
 * PostgreSQL refuses NUL characters in text and jsonb: a value holding one would fail the query (or the
 * session save that keeps a rejected form's values) with a 500. Refused at the edge, in the path, the
 * query and the parsed body, with a 400 that says why. Mounted right after each body parser (the LTI
 * routes' and the app's); multipart fields are checked where multer reads them.
 */
export function refuseNulCharacters() {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (/%00|\0/i.test(req.originalUrl) || containsNul(req.query) || containsNul(req.body)) {
      return next(new AppError(400, 'errors.nulCharacter'));
    }
    next();
  };
}
