import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import { AppError } from '../errors';
import type { Database } from '../models/database';
import { DatabaseRateLimitStore } from '../models/rateLimitStore';

/** Who is counted: the address (LTI logins, registrations: no session yet), or the signed-in user. */
export type RateLimitSubject = 'address' | 'user';

function addressOf(req: Request): string {
  return ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');
}

/**
 * A user's requests are counted under their account wherever they connect from (a whole lecture hall shares
 * one address behind the campus NAT); a request without a session falls back to its address.
 */
function userKey(req: Request): string {
  return req.session ? `user:${req.session.userId}` : `address:${addressOf(req)}`;
}

/**
 * A limiter counted in the database (so it holds across instances). Over the limit, the one error handler
 * answers 429 with a friendly page and a `Retry-After` header; `messageKey` says what to wait for, with the
 * minutes left in `count`.
 */
export function setUpRateLimit(options: {
  db: Database;
  name: string;
  windowMs: number;
  limit: number;
  per?: RateLimitSubject;
  messageKey?: string;
  logger?: Logger;
  now?: () => Date;
}): RequestHandler {
  const now = options.now ?? (() => new Date());
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    store: new DatabaseRateLimitStore(options.db, `${options.name}:`, now),
    ...(options.per === 'user' ? { keyGenerator: userKey } : {}),
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // A database hiccup must not lock everyone out: the request goes on and the error is logged.
    passOnStoreError: true,
    ...(options.logger ? { logger: pinoAdapter(options.logger) } : {}),
    handler: (req, _res, next) => {
      const resetTime = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const minutes = Math.max(1, Math.ceil(((resetTime?.getTime() ?? now().getTime() + options.windowMs) - now().getTime()) / 60_000));
      next(new AppError(429, options.messageKey ?? 'errors.tooManyRequests', { count: minutes }));
    },
  });
}

function pinoAdapter(logger: Logger) {
  return {
    error: (error: unknown, message?: string) => logger.error({ err: error }, message ?? 'rate limiter error'),
    warn: (error: unknown, message?: string) => logger.warn({ err: error }, message ?? 'rate limiter warning'),
  };
}
