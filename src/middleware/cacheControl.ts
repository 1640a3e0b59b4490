import type { NextFunction, Request, Response } from 'express';

/**
 * Every answer from here on is personal (a student's page, a convention, an export, an error that names a
 * session): no browser, proxy or shared computer may keep a copy. Mounted after the static assets, which stay
 * cacheable; a route may still say more (`private, no-store` on files).
 */
export function setUpNoStore() {
  return (_req: Request, res: Response, next: NextFunction) => {
    res.set('Cache-Control', 'no-store');
    next();
  };
}
