import { Router } from 'express';
import type { Services } from '../../../services';
import { userRateLimit } from '../../../middleware/userRateLimits';
import { ficheDeLiaisonFor } from '../../../services/student/ficheDeLiaison';

export function documentRoutes(services: Services): Router {
  const { db, clock } = services;
  const router = Router();
  router.get('/fiche-de-liaison.pdf', userRateLimit(services, 'pdf'), async (req, res) => {
    const session = req.session!;
    const pdf = await ficheDeLiaisonFor(db, session.userId, session.programmeId, req.locale, clock.today(), services.pdfRenderer);
    const filename = req.locale === 'en' ? 'liaison-form.pdf' : 'fiche-de-liaison.pdf';
    res.type('application/pdf').set('Content-Disposition', `attachment; filename="${filename}"`).send(pdf);
  });
  return router;
}
