import { Router } from 'express';
import { hasBlockingErrors } from '../../../../domain/legalRules';
import type { Services } from '../../../../services';
import { legalFindings } from '../../../../services/student/conventionDetails';
import { submitConvention } from '../../../../services/student/conventionWorkflow';
import { idParam } from '../../../shared/ids';
import { checkNotStale, draftCommand, draftForPage, renderStep } from '../wizard';
import { anchorOfField, stepOfField } from '../../../../services/student/findingSteps';

/** Step 9: everything, the legal findings, and "Créer" — nothing is submitted before it is pressed. */
export function recapRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  router.get('/', async (req, res) => {
    const details = await draftForPage(services, req, res, 'recap');
    if (!details) return;
    const findings = (await legalFindings(services.db, details, services.clock.today())) ?? [];
    const fixLink = (field: string | undefined) => {
      const step = stepOfField(field);
      const anchor = anchorOfField(field, details.convention.weeklySchedule);
      return step && `${step}?from=recap${anchor ? `#${anchor}` : ''}`;
    };
    await renderStep(req, res, 'recap', details, { findings, blocking: hasBlockingErrors(findings), fixLink });
  });
  router.post('/', async (req, res) => {
    if (!(await checkNotStale(services, req, res, 'recap'))) return;
    const command = draftCommand(req);
    await submitConvention(
      { db: services.db, officeEmail: services.config.officeEmail },
      command.userId,
      command.conventionId,
      command.version,
      services.clock,
    );
    res.redirect(303, `/student/conventions/${idParam(req)}?done=submitted`);
  });
  return router;
}
