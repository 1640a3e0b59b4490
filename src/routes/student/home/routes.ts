import { Router } from 'express';
import type { Services } from '../../../services';
import { loadStudentHome } from '../../../services/student/home';

const notices = new Set(['subjectProposed', 'certificateUploaded', 'conventionCancelled']);

export function homeRoutes({ db }: Services): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const home = await loadStudentHome(db, req.session!.userId);
    const done = typeof req.query.done === 'string' && notices.has(req.query.done) ? req.query.done : null;
    res.render('student/home', { title: req.t('home.student.title'), ...home, done });
  });
  return router;
}
