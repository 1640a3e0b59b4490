import { Router, type Request, type Response } from 'express';
import { decideAsStudent } from '../../../../services/signature/decideSignature';
import { studentSignatureView } from '../../../../services/signature/studentRequest';
import { refuseSchema, signSchema } from '../../../signature/schemas';
import { z } from 'zod';
import { attestationRefusal } from '../../../../domain/internshipEnd';
import { availableEvents } from '../../../../domain/workflow';
import type { Services } from '../../../../services';
import { conventionHistory } from '../../../../services/student/studentQueries';
import { loadConventionDetails, legalFindings } from '../../../../services/student/conventionDetails';
import { cancelConvention } from '../../../../services/student/conventionWorkflow';
import { signatureProgress } from '../../../../services/student/signatureProgress';
import { nextStepOf } from '../../../../services/student/wizardSteps';
import { optionalText } from '../../../shared/formFields';
import { fieldErrors, keepFormState, takeFormState } from '../../../shared/formState';
import { idParam } from '../../../shared/ids';
import { draftCommand } from '../wizard';

const cancelSchema = z.object({ reason: optionalText(1000) });

/** The status page: the workflow as a timeline, the legal warnings, the documents, and cancelling. */
export function statusRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  router.get('/', async (req, res) => {
    const details = await loadConventionDetails(services.db, req.session!.userId, idParam(req));
    const { convention } = details;
    const events = await conventionHistory(services.db, convention.id);
    const lastReturn = [...events].reverse().find((event) => event.event === 'return');
    const returned = convention.state === 'draft' && lastReturn ? lastReturn : null;
    const kept = await takeFormState(req, `cancel-${convention.id}`);
    const findings =
      convention.state === 'draft'
        ? ((await legalFindings(services.db, details, services.clock.today())) ?? [])
        : (convention.legalFindings as { severity: string; code: string; params: Record<string, unknown> }[]);
    res.render('student/convention/status', {
      title: req.t('student.status.title', { reference: convention.reference }),
      ...details,
      events,
      returned,
      findings,
      signatures: await signatureProgress(services.db, convention),
      attestationRefusal: attestationRefusal(convention, services.clock.today()),
      resumeStep: nextStepOf(convention),
      mayCancel: availableEvents(convention.state, 'student').includes('cancel'),
      done: req.query.done === 'submitted' ? 'submitted' : null,
      cancelForm: kept ?? { values: {}, errors: {} },
      ...(await studentSignatureView(services.db, convention.id, services.clock)),
      signatureForm: (await takeFormState(req, `signature-${convention.id}`)) ?? { values: {}, errors: {} },
      signedDone: req.query.done === 'signed' || req.query.done === 'refused' ? req.query.done : null,
    });
  });
  const decide = (kind: 'sign' | 'refuse') => async (req: Request, res: Response) => {
    const conventionId = idParam(req);
    const parsed = kind === 'sign' ? signSchema.safeParse(req.body ?? {}) : refuseSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      await keepFormState(req, `signature-${conventionId}`, {
        values: { reason: String(req.body?.reason ?? '') },
        errors: fieldErrors(parsed.error),
      });
      res.redirect(303, `/student/conventions/${conventionId}#${kind === 'sign' ? 'consent' : 'reason-signature'}`);
      return;
    }
    const decision =
      kind === 'sign' ? { kind: 'sign' as const } : { kind: 'refuse' as const, reason: (parsed.data as { reason: string }).reason };
    const origin = { ip: req.ip ?? '', userAgent: req.get('user-agent') ?? '' };
    const context = { config: services.config, clock: services.clock };
    const result = await decideAsStudent(services.db, { studentUserId: req.session!.userId, conventionId }, decision, origin, context);
    res.redirect(303, `/student/conventions/${conventionId}?done=${result.outcome}`);
  };
  router.post('/signature/sign', decide('sign'));
  router.post('/signature/refuse', decide('refuse'));
  router.post('/cancel', async (req, res) => {
    const parsed = cancelSchema.safeParse(req.body);
    const command = draftCommand(req);
    if (!parsed.success) {
      await keepFormState(req, `cancel-${command.conventionId}`, {
        values: { reason: String(req.body.reason ?? '') },
        errors: fieldErrors(parsed.error),
      });
      res.redirect(303, `/student/conventions/${command.conventionId}#reason`);
      return;
    }
    const { reason } = parsed.data;
    await cancelConvention(
      { db: services.db, officeEmail: services.config.officeEmail },
      command.userId,
      command.conventionId,
      command.version,
      reason,
      services.clock,
    );
    res.redirect(303, '/student?done=conventionCancelled');
  });
  return router;
}
