import express, { type NextFunction, type Request, type Response } from 'express';
import { AppError } from '../errors';

const formTypes = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);
const bodyMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Form bodies as browsers send them, bounded: 1 MB and 1 000 fields (body-parser answers 413 beyond,
 * 415 for a charset other than UTF-8). Multipart bodies are read by the one route that takes a file.
 */
export function setUpFormBodies() {
  return express.urlencoded({ extended: false, limit: '1mb', parameterLimit: 1000 });
}

/** Every form of Pstage posts urlencoded or multipart: JSON, text or no content type at all is refused (415). */
export function requireFormContentType() {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!bodyMethods.has(req.method)) return next();
    const mediaType = (req.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (!formTypes.has(mediaType)) return next(new AppError(415, 'errors.unsupportedMediaType'));
    // A post without a body at all leaves nothing parsed: routes read fields from an empty form, not undefined.
    req.body ??= {};
    next();
  };
}
