import { Router } from 'express';
import type { Services } from '../../services';
import { requireStudent } from '../../middleware/authorisation';
import { userRepository } from '../../models/userRepository';

export function studentRoutes(services: Services): Router {
  const router = Router();
  router.use(requireStudent(services.db));
  router.get('/', async (req, res) => {
    const user = await userRepository.findById(services.db, req.session!.userId);
    res.render('student/home', { title: req.t('home.student.title'), user });
  });
  return router;
}
