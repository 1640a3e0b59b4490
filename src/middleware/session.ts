import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { IdToken } from 'ltijs';
import type { Database } from '../models/database';
import { sessionRepository } from '../models/sessionRepository';

export const sessionCookieName = 'pstage_session';
const lifetimeMs = 8 * 3600 * 1000;

export interface SessionData {
  userId: number;
  locale: 'fr' | 'en';
  office: boolean;
  student: boolean;
  activeRole: 'student' | 'staff' | 'office';
  programmeId: number | null;
  csrfToken: string;
  deepLinkToken?: IdToken;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      session?: SessionData;
      sessionId?: string;
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

/** Server-side sessions in the database, identified by a random cookie. */
export function setUpSessions(db: Database, secure: boolean) {
  const options = cookieOptions(secure);
  return async (req: Request, res: Response, next: NextFunction) => {
    const id = req.cookies?.[sessionCookieName] as string | undefined;
    if (id) {
      const row = await sessionRepository.find(db, id);
      if (row) {
        req.session = row.data as unknown as SessionData;
        req.sessionId = id;
      }
    }
    req.startSession = async (data) => {
      if (req.sessionId) await sessionRepository.delete(db, req.sessionId);
      const newId = crypto.randomBytes(32).toString('base64url');
      const session: SessionData = { ...data, csrfToken: crypto.randomBytes(24).toString('base64url') };
      await sessionRepository.create(db, { id: newId, userId: data.userId, data: { ...session }, expiresAt: new Date(Date.now() + lifetimeMs) });
      req.session = session;
      req.sessionId = newId;
      res.cookie(sessionCookieName, newId, { ...options, maxAge: lifetimeMs });
    };
    req.saveSession = async () => {
      if (req.sessionId && req.session) {
        await sessionRepository.update(db, req.sessionId, { ...req.session }, new Date(Date.now() + lifetimeMs));
      }
    };
    req.endSession = async () => {
      if (req.sessionId) await sessionRepository.delete(db, req.sessionId);
      req.session = undefined;
      req.sessionId = undefined;
      res.clearCookie(sessionCookieName, options);
    };
    next();
  };
}
