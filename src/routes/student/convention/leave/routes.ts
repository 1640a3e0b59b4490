import { Router, type Request } from 'express';
import { conventionWording } from '../../../../documents/articles';
import { conventionTotalHours } from '../../../../domain/hours';
import { defaultThresholds } from '../../../../domain/thresholds';
import type { Convention } from '../../../../models/conventionRepository';
import type { Services } from '../../../../services';
import { loadConventionDetails } from '../../../../services/student/conventionDetails';
import { saveLeaveTerms } from '../../../../services/student/conventionTerms';
import { idParam } from '../../../shared/ids';
import { draftCommand, draftForPage, nextPage, parseStep, renderStep } from '../wizard';
import { leaveFormFor } from './schema';

/** Beyond two months (the hours the convention counts), leave is due (L124-13). */
const isLong = (convention: Convention) => conventionTotalHours(convention) > defaultThresholds.gratification.mandatoryAboveHours;

/** The standard absence terms the host may accept as they are, in the language of the page. */
const defaultAbsenceTerms = (req: Request) => conventionWording(req.locale === 'en' ? 'en' : 'fr').articles.leave.defaultAbsenceTerms;

/** Step 9: leave and authorised absences (Article 10) and the host's internal rules (Article 9). */
export function leaveRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  router.get('/', async (req, res) => {
    const details = await draftForPage(services, req, res, 'leave');
    if (!details) return;
    const c = details.convention;
    const defaults = {
      leaveDaysGranted: c.leaveDaysGranted,
      absenceTerms: c.absenceTerms ?? defaultAbsenceTerms(req),
      hostInternalRules: c.hostInternalRules,
    };
    await renderStep(
      req,
      res,
      'leave',
      details,
      { hours: conventionTotalHours(c), longInternship: isLong(c), conflictForm: leaveFormFor(isLong(c)) },
      defaults,
    );
  });
  router.post('/', async (req, res) => {
    const { convention } = await loadConventionDetails(services.db, req.session!.userId, idParam(req));
    const data = await parseStep(services, req, res, 'leave', leaveFormFor(isLong(convention)));
    if (!data) return;
    const saved = await saveLeaveTerms(services.db, draftCommand(req), data);
    nextPage(req, res, 'leave', saved);
  });
  return router;
}
