import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import { AppError } from '../errors';
import type { Database } from '../models/database';
import { DatabaseRateLimitStore } from '../models/rateLimitStore';

/**
 * A per-IP limiter counted in the database (so it holds across instances). Over the limit, the one error
 * handler answers 429 with a friendly page and a `Retry-After` header.
 */
export function setUpRateLimit(options: {
  db: Database;
  name: string;
  windowMs: number;
  limit: number;
  logger?: Logger;
  now?: () => Date;
}): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    store: new DatabaseRateLimitStore(options.db, `${options.name}:`, options.now),
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // A database hiccup must not lock everyone out: the request goes on and the error is logged.
    passOnStoreError: true,
    ...(options.logger ? { logger: pinoAdapter(options.logger) } : {}),
    handler: (_req, _res, next) => next(new AppError(429, 'errors.tooManyRequests')),
  });
}

function pinoAdapter(logger: Logger) {
  return {
    error: (error: unknown, message?: string) => logger.error({ err: error }, message ?? 'rate limiter error'),
    warn: (error: unknown, message?: string) => logger.warn({ err: error }, message ?? 'rate limiter warning'),
  };
}
