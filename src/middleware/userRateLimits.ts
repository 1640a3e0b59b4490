import type { RequestHandler } from 'express';
import type { Config } from '../config';
import type { Services } from '../services';
import { setUpRateLimit } from './rateLimit';

const minute = 60_000;
const hour = 60 * minute;

/** What a signed-in user may do only so often (README, "Configuration"): each limit counts per user. */
const userLimits = {
  certificateUpload: { windowMs: hour, limit: (config: Config) => config.rateLimits.certificateUploadsPerHour },
  pdf: { windowMs: minute, limit: (config: Config) => config.rateLimits.pdfsPerMinute },
  rosterRefresh: { windowMs: hour, limit: (config: Config) => config.rateLimits.rosterRefreshesPerHour },
} as const;

export type UserRateLimit = keyof typeof userLimits;

/**
 * The limiter for one kind of costly request (an upload kept in the database, a PDF rendered, a call to the
 * LMS), counted per user in the database. Windows follow the real time, never the business clock.
 */
export function userRateLimit(services: Pick<Services, 'db' | 'config' | 'logger'>, name: UserRateLimit): RequestHandler {
  const { windowMs, limit } = userLimits[name];
  return setUpRateLimit({
    db: services.db,
    name,
    windowMs,
    limit: limit(services.config),
    per: 'user',
    messageKey: `errors.rateLimited.${name}`,
    logger: services.logger,
  });
}
