import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { isIsoDate } from '../domain/calendarDate';
import { AppError } from '../errors';
import { formatDate } from '../format';
import type { DatabaseAvailability } from '../models/databaseAvailability';
import { isDatabaseUnavailable } from '../models/databaseErrors';
import { browserLocale, translator, type Locale } from './i18n';

export function notFoundHandler() {
  return (_req: Request, _res: Response, next: NextFunction) => next(new AppError(404, 'errors.notFound'));
}

/** What the client sent could not be read: body-parser and express errors carry a 4xx `status` and a `type`. */
function requestError(error: unknown): AppError | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { status, statusCode, expose } = error as { status?: unknown; statusCode?: unknown; expose?: unknown };
  const code = typeof status === 'number' ? status : statusCode;
  if (typeof code !== 'number' || code < 400 || code > 499 || expose === false) return undefined;
  if (code === 413) return new AppError(413, 'errors.tooLarge');
  if (code === 415) return new AppError(415, 'errors.unsupportedMediaType');
  if (code === 404) return new AppError(404, 'errors.notFound');
  return new AppError(400, 'errors.badRequest');
}

/** The page's language when the session could not be read (the database is down): the browser's. */
function fallbackLocale(req: Request): Locale {
  return req.locale ?? browserLocale(req);
}

/**
 * One error handler: user mistakes and refusals get a friendly page; no stack trace outside development.
 * A database that cannot be reached is a 503 (logged once per incident by `availability`, not per request).
 */
export function errorHandler(logger: Logger, showStack: boolean, availability?: DatabaseAvailability) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) {
      // Part of the answer (a streamed CSV) is gone: no page can follow. Cutting the connection tells the client
      // the file is incomplete instead of letting a truncated one look whole.
      logger.error({ err: error, url: req.originalUrl }, 'error after the response had started, connection closed');
      res.destroy();
      return;
    }
    const unavailable = !(error instanceof AppError) && isDatabaseUnavailable(error);
    if (unavailable) availability?.failed(error);
    const appError = error instanceof AppError ? error : unavailable ? new AppError(503, 'errors.unavailable') : requestError(error);
    const status = appError?.status ?? 500;
    if (!appError) logger.error({ err: error, url: req.originalUrl }, 'unexpected error');
    const locale = fallbackLocale(req);
    const t = req.t ?? translator(locale);
    // A date in a refusal ("not before 26 June") is written the way the page writes dates.
    const params = Object.fromEntries(
      Object.entries(appError?.params ?? {}).map(([name, value]) => [
        name,
        typeof value === 'string' && isIsoDate(value) ? formatDate(value, locale) : value,
      ]),
    );
    const message = t(appError?.messageKey ?? 'errors.unexpected', params);
    res.status(status);
    if (status === 503) res.set('Retry-After', '5');
    if (req.accepts(['html', 'json']) === 'json') {
      res.json({ error: appError?.messageKey ?? 'errors.unexpected', message });
      return;
    }
    const locals = {
      t,
      locale,
      title: t(status === 503 ? 'errors.unavailableTitle' : status === 429 ? 'errors.tooManyRequestsTitle' : 'errors.title'),
      status,
      message,
      stack: showStack && !appError && error instanceof Error ? error.stack : undefined,
      session: req.session,
      csrfToken: req.session?.csrfToken ?? '',
      navigation: [],
    };
    res.render('error', locals, (renderError: Error | null, html?: string) => {
      if (renderError) {
        logger.error({ err: renderError }, 'error page failed to render');
        res.type('text').send(message);
        return;
      }
      res.type('html').send(html);
    });
  };
}
