import { Router } from 'express';
import { attestationScanned } from '../../../../services/evaluations/hostAttestation';
import { studentSignatureView } from '../../../../services/signature/studentRequest';
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
import { keepFormState, takeFormState, takeFormStates } from '../../../shared/formState';
import { defineForm, validate } from '../../../shared/validate';
import { idParam } from '../../../shared/ids';
import { draftCommand } from '../wizard';
import { signingFormKey, studentSigningForm, studentSigningRoutes } from '../../signing';

const cancelForm = defineForm(z.object({ reason: optionalText(1000) }), { reason: 'student.fields.cancelReason' });
const confirmKey = (conventionId: number) => `cancel-confirm-${conventionId}`;

/** The status page: the workflow as a timeline, the legal warnings, the documents, and cancelling. */
export function statusRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  router.get('/', async (req, res) => {
    const details = await loadConventionDetails(services.db, req.session!.userId, idParam(req));
    const { convention } = details;
    const events = await conventionHistory(services.db, convention.id);
    const lastReturn = [...events].reverse().find((event) => event.event === 'return');
    const returned = convention.state === 'draft' && lastReturn ? lastReturn : null;
    const signingKey = signingFormKey({ studentUserId: req.session!.userId, conventionId: convention.id });
    const forms = await takeFormStates(req, [`cancel-${convention.id}`, signingKey]);
    const kept = forms[`cancel-${convention.id}`];
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
      attestationScanned: await attestationScanned(services.db, convention.id),
      resumeStep: nextStepOf(convention),
      mayCancel: availableEvents(convention.state, 'student').includes('cancel'),
      done: req.query.done === 'submitted' ? 'submitted' : null,
      cancelForm: kept ?? { values: {}, errors: {} },
      ...(await studentSignatureView(services.db, convention.id, services.clock)),
      ...studentSigningForm(req, forms[signingKey]),
      signedDone: req.query.done === 'signed' || req.query.done === 'refused' ? req.query.done : null,
    });
  });
  router.use(
    '/signature',
    studentSigningRoutes(services, {
      command: (req) => ({ studentUserId: req.session!.userId, conventionId: idParam(req) }),
      page: (req) => `/student/conventions/${idParam(req)}`,
      section: () => 'student-signature',
      done: (_req, outcome) => `?done=${outcome}`,
    }),
  );
  router.get('/cancel', async (req, res) => {
    const details = await loadConventionDetails(services.db, req.session!.userId, idParam(req));
    const { convention } = details;
    const kept = await takeFormState(req, confirmKey(convention.id));
    if (!kept || !availableEvents(convention.state, 'student').includes('cancel')) {
      res.redirect(303, `/student/conventions/${convention.id}`);
      return;
    }
    // Kept again, so that reloading the page still finds what was typed.
    await keepFormState(req, confirmKey(convention.id), kept);
    res.render('student/convention/cancelConfirm', {
      title: req.t('student.status.cancelConfirm.title', { reference: convention.reference }),
      convention,
      base: `/student/conventions/${convention.id}`,
      reason: String(kept.values.reason ?? ''),
      version: String(kept.values.version ?? ''),
    });
  });
  router.post('/cancel', async (req, res) => {
    const parsed = validate(cancelForm, req.body);
    const command = draftCommand(req);
    const base = `/student/conventions/${command.conventionId}`;
    if (!parsed.ok) {
      await keepFormState(req, `cancel-${command.conventionId}`, { ...parsed.state, values: { reason: String(req.body.reason ?? '') } });
      res.redirect(303, `${base}#reason`);
      return;
    }
    const { reason } = parsed.values;
    if (req.body.confirmed !== 'yes') {
      // Nothing written yet: cancelling is final, so a page of its own asks first (no JavaScript needed).
      await keepFormState(req, confirmKey(command.conventionId), {
        values: { reason: reason ?? '', version: command.version },
        errors: {},
      });
      res.redirect(303, `${base}/cancel`);
      return;
    }
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
