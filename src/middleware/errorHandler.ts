import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../errors';
import { translator } from './i18n';

export function notFoundHandler() {
  return (_req: Request, _res: Response, next: NextFunction) => next(new AppError(404, 'errors.notFound'));
}

/** One error handler: user mistakes and refusals get a friendly page; no stack trace outside development. */
export function errorHandler(logger: Logger, showStack: boolean) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const appError = error instanceof AppError ? error : undefined;
    const status = appError?.status ?? 500;
    if (!appError) logger.error({ err: error, url: req.originalUrl }, 'unexpected error');
    const t = req.t ?? translator('fr');
    const message = t(appError?.messageKey ?? 'errors.unexpected', appError?.params);
    res.status(status);
    if (req.accepts(['html', 'json']) === 'json') {
      res.json({ error: appError?.messageKey ?? 'errors.unexpected', message });
      return;
    }
    res.render('error', {
      t,
      locale: req.locale ?? 'fr',
      title: t('errors.title'),
      status,
      message,
      stack: showStack && !appError && error instanceof Error ? error.stack : undefined,
      session: req.session,
      csrfToken: req.session?.csrfToken ?? '',
      navigation: [],
    });
  };
}
