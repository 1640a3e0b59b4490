import { Router } from 'express';
import type { Services } from '../../../services';
import { loadStudentHome } from '../../../services/student/home';
import { internshipBadges } from '../../../services/evaluations/studentInternships';

const notices = new Set(['subjectProposed', 'certificateUploaded', 'conventionCancelled']);

export function homeRoutes({ db }: Services): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const home = await loadStudentHome(db, req.session!.userId);
    const done = typeof req.query.done === 'string' && notices.has(req.query.done) ? req.query.done : null;
    const internships = await internshipBadges(
      db,
      home.conventions.filter((convention) => convention.state === 'complete').map((convention) => convention.id),
    );
    res.render('student/home', { title: req.t('home.student.title'), ...home, done, internships });
  });
  return router;
}
