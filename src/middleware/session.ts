import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { IdToken } from 'ltijs';
import type { Database } from '../models/database';
import { sessionRepository, type StaffProgrammeLink } from '../models/sessionRepository';

export const sessionCookieName = 'pstage_session';

export interface SessionLimits {
  /** Inactivity after which a session ends. */
  idleMs: number;
  /** Lifetime after which a session ends whatever the activity: the user launches again from the LMS. */
  absoluteMs: number;
  /** Open sessions per user (browsers, devices); launching once more closes the oldest. */
  perUser: number;
}

/** A working day at most, two hours without a request, ten browsers at once. */
export const defaultSessionLimits: SessionLimits = { idleMs: 2 * 3600_000, absoluteMs: 8 * 3600_000, perUser: 10 };

/** The idle expiry is written again only once it has moved on by this much: not one write per request. */
const touchEveryMs = 60_000;

export interface SessionData {
  userId: number;
  locale: 'fr' | 'en';
  office: boolean;
  student: boolean;
  activeRole: 'student' | 'staff' | 'office';
  programmeId: number | null;
  csrfToken: string;
  deepLinkToken?: IdToken;
  /** Where the launch asked Pstage to be shown (iframe: the embedded layout when the browser does not say). */
  documentTarget?: 'iframe' | 'window';
}

/** The programmes where the session's user is staff, read with the session (see `setUpNavigation`). */
export interface SessionStaffProgrammes {
  userId: number;
  programmes: StaffProgrammeLink[];
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      session?: SessionData;
      startSession(data: Omit<SessionData, 'csrfToken'>): Promise<void>;
      saveSession(): Promise<void>;
      endSession(): Promise<void>;
    }
  }
}

export function cookieOptions(secure: boolean) {
  // Inside an LMS iframe over HTTPS the cookie is third-party: it must be SameSite=None; Secure.
  return secure
    ? { httpOnly: true, secure: true, sameSite: 'none' as const, path: '/' }
    : { httpOnly: true, secure: false, sameSite: 'lax' as const, path: '/' };
}

/** The database keeps only this hash of the cookie's token: reading the table, or a backup of it, opens no session. */
export function sessionIdHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/**
 * Server-side sessions in the database, identified by a random cookie. A session ends after `idleMs` without a
 * request or `absoluteMs` after it started, whichever comes first; the cookie's Max-Age follows the same expiry.
 */
export function setUpSessions(db: Database, secure: boolean, options: { now?: () => Date; limits?: Partial<SessionLimits> } = {}) {
  const cookie = cookieOptions(secure);
  const now = options.now ?? (() => new Date());
  const limits = { ...defaultSessionLimits, ...options.limits };
  const expiryFrom = (createdAt: Date, at: Date) =>
    new Date(Math.min(at.getTime() + limits.idleMs, createdAt.getTime() + limits.absoluteMs));
  const setCookie = (res: Response, token: string, expiresAt: Date, at: Date) =>
    res.cookie(sessionCookieName, token, { ...cookie, maxAge: Math.max(0, expiresAt.getTime() - at.getTime()) });

  return async (req: Request, res: Response, next: NextFunction) => {
    let token = req.cookies?.[sessionCookieName] as string | undefined;
    let idHash: string | undefined;
    try {
      if (token) {
        const at = now();
        const row = await sessionRepository.findWithStaffProgrammes(db, sessionIdHash(token), at);
        if (row) {
          req.session = row.data as unknown as SessionData;
          // Read with the session, for the navigation (setUpNavigation): one round trip for both.
          res.locals.sessionStaffProgrammes = { userId: row.userId, programmes: row.staffProgrammes } satisfies SessionStaffProgrammes;
          idHash = row.id;
          const expiresAt = expiryFrom(row.createdAt, at);
          if (expiresAt.getTime() - row.expiresAt.getTime() >= touchEveryMs) {
            await sessionRepository.touch(db, row.id, expiresAt);
            setCookie(res, token, expiresAt, at);
          }
        } else {
          res.clearCookie(sessionCookieName, cookie);
        }
      }
    } catch (error) {
      return next(error);
    }
    req.startSession = async (data) => {
      // Whoever the new session is, the navigation reads their programmes afresh (a launch may have changed them).
      res.locals.sessionStaffProgrammes = undefined;
      if (idHash) await sessionRepository.delete(db, idHash);
      const at = now();
      token = crypto.randomBytes(32).toString('base64url');
      idHash = sessionIdHash(token);
      const session: SessionData = { ...data, csrfToken: crypto.randomBytes(24).toString('base64url') };
      const expiresAt = expiryFrom(at, at);
      await sessionRepository.create(db, { id: idHash, userId: data.userId, data: { ...session }, createdAt: at, expiresAt });
      await sessionRepository.keepNewest(db, data.userId, limits.perUser);
      req.session = session;
      setCookie(res, token, expiresAt, at);
    };
    req.saveSession = async () => {
      if (idHash && req.session) await sessionRepository.update(db, idHash, { ...req.session });
    };
    req.endSession = async () => {
      if (idHash) await sessionRepository.delete(db, idHash);
      req.session = undefined;
      idHash = undefined;
      res.clearCookie(sessionCookieName, cookie);
    };
    next();
  };
}
