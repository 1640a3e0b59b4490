import { Router } from 'express';

/**
 * Logging out of Pstage ends its session at once (the LMS session is the LMS's own); the page that follows says
 * what else a shared computer needs, in the language the user had.
 */
export function logoutRoutes(): Router {
  const router = Router();
  router.post('/logout', async (req, res) => {
    const locale = req.locale;
    await req.endSession();
    res.redirect(303, `/logged-out?lang=${locale}`);
  });
  router.get('/logged-out', (req, res) => {
    res.render('loggedOut', { title: req.t('logout.title'), navigation: [] });
  });
  return router;
}
