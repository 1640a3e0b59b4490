import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors';
import type { Database } from '../models/database';
import { programmeRepository } from '../models/programmeRepository';
import { idParam } from '../routes/shared/ids';
import type { SessionData, SessionStaffProgrammes } from './session';

function requireSession(req: Request): SessionData {
  if (!req.session) throw new AppError(401, 'errors.sessionExpired');
  return req.session;
}

async function studentAllowed(db: Database, session: SessionData) {
  return session.student || (await programmeRepository.listForUser(db, session.userId, 'student')).length > 0;
}

/** Every student route: the session must belong to someone who launched as a learner. */
export function requireStudent(db: Database) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    try {
      const session = requireSession(req);
      if (!(await studentAllowed(db, session))) throw new AppError(403, 'errors.forbidden');
      next();
    } catch (error) {
      next(error);
    }
  };
}

export function requireOffice() {
  return (req: Request, _res: Response, next: NextFunction) => {
    try {
      if (!requireSession(req).office) throw new AppError(403, 'errors.forbidden');
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** The programme in the URL must be one where this user is staff (checked in the database on every request). */
export function requireProgrammeStaff(db: Database, parameter = 'programmeId') {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const session = requireSession(req);
      const programmeId = idParam(req, parameter);
      if (!(await programmeRepository.hasMembership(db, session.userId, programmeId, 'staff'))) {
        throw new AppError(403, 'errors.forbidden');
      }
      const programme = await programmeRepository.findById(db, programmeId);
      if (!programme) throw new AppError(404, 'errors.notFound');
      res.locals.programme = programme;
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** The links to each home this user may reach (a user with several roles can switch). */
export function setUpNavigation(db: Database) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      res.locals.navigation = [];
      res.locals.session = req.session;
      const session = req.session;
      if (!session) return next();
      const items: { href: string; label: string; current: boolean }[] = [];
      const here = req.path;
      if (await studentAllowed(db, session))
        items.push({ href: '/student', label: req.t('layout.studentHome'), current: here.startsWith('/student') });
      // Read with the session unless the request changed whose it is (a launch), as the staff's pages are linked.
      const known = res.locals.sessionStaffProgrammes as SessionStaffProgrammes | undefined;
      const staffProgrammes =
        known?.userId === session.userId ? known.programmes : await programmeRepository.listForUser(db, session.userId, 'staff');
      for (const programme of staffProgrammes) {
        const href = `/programme/${programme.id}`;
        items.push({ href, label: req.t('layout.programmePanel', { title: programme.title }), current: here.startsWith(href) });
      }
      if (session.office) items.push({ href: '/office', label: req.t('layout.officeDashboard'), current: here.startsWith('/office') });
      res.locals.navigation = items.length > 1 || items.some((item) => !item.current) ? items : [];
      next();
    } catch (error) {
      next(error);
    }
  };
}
