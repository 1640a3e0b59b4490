import { Router, type Request } from 'express';
import { hostAttestationRepository } from '../../../../models/evaluationRepository';
import { decideAsStudent } from '../../../../services/signature/decideSignature';
import { checkSigningCode, sendSigningCode, signingCodeMinutes, signingCodesPerHour } from '../../../../services/signature/signingCode';
import { openStudentRequest, studentSignatureView } from '../../../../services/signature/studentRequest';
import { refuseSchema, signSchemaFor } from '../../../signature/schemas';
import { z } from 'zod';
import { formatDateTime } from '../../../../format';
import { attestationRefusal } from '../../../../domain/internshipEnd';
import { availableEvents } from '../../../../domain/workflow';
import type { Services } from '../../../../services';
import { conventionHistory } from '../../../../services/student/studentQueries';
import { loadConventionDetails, legalFindings } from '../../../../services/student/conventionDetails';
import { cancelConvention } from '../../../../services/student/conventionWorkflow';
import { signatureProgress } from '../../../../services/student/signatureProgress';
import { nextStepOf } from '../../../../services/student/wizardSteps';
import { optionalText } from '../../../shared/formFields';
import { fieldErrors, keepFormState, takeFormState, takeFormStates } from '../../../shared/formState';
import { defineForm, validate } from '../../../shared/validate';
import { idParam } from '../../../shared/ids';
import { draftCommand } from '../wizard';

const originOf = (req: Request) => ({ ip: req.ip ?? '', userAgent: req.get('user-agent') ?? '' });

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
    const forms = await takeFormStates(req, [`cancel-${convention.id}`, `signature-${convention.id}`]);
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
      attestationScanned: Boolean((await hostAttestationRepository.find(services.db, convention.id))?.scanDocumentId),
      resumeStep: nextStepOf(convention),
      mayCancel: availableEvents(convention.state, 'student').includes('cancel'),
      done: req.query.done === 'submitted' ? 'submitted' : null,
      cancelForm: kept ?? { values: {}, errors: {} },
      ...(await studentSignatureView(services.db, convention.id, services.clock)),
      signatureForm: forms[`signature-${convention.id}`] ?? { values: {}, errors: {} },
      codeSent: req.query.code === 'sent',
      codeMinutes: signingCodeMinutes,
      signedDone: req.query.done === 'signed' || req.query.done === 'refused' ? req.query.done : null,
    });
  });
  const context = { config: services.config, clock: services.clock };
  const command = (req: Request) => ({ studentUserId: req.session!.userId, conventionId: idParam(req) });
  const back = (req: Request, anchor: string, query = '') => `/student/conventions/${idParam(req)}${query}#${anchor}`;
  /** The form comes back with texts (some errors carry parameters: the tries left, the hour of the next code). */
  const keepSignatureForm = (req: Request, values: Record<string, string>, errors: Record<string, string>) =>
    keepFormState(req, `signature-${idParam(req)}`, { values, errors });

  router.post('/signature/code', async (req, res) => {
    const sending = await sendSigningCode(services.db, command(req), req.locale === 'en' ? 'en' : 'fr', context);
    if (sending.sent) return res.redirect(303, back(req, 'student-signature', '?code=sent'));
    const time = formatDateTime(sending.retryAfter, req.locale);
    await keepSignatureForm(req, {}, { code: req.t('signature.error.tooManyCodes', { count: signingCodesPerHour, time }) });
    res.redirect(303, back(req, 'signature-errors'));
  });

  router.post('/signature/sign', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const { request } = await openStudentRequest(services.db, command(req), services.clock);
    const values = { fullName: typeof body.fullName === 'string' ? body.fullName : '', consent: body.consent === 'yes' ? 'yes' : '' };
    const parsed = signSchemaFor(request.name).safeParse(body);
    if (!parsed.success) {
      const errors = Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([field, key]) => [field, req.t(key)]));
      await keepSignatureForm(req, values, errors);
      return res.redirect(303, back(req, 'signature-errors'));
    }
    const check = await checkSigningCode(services.db, command(req), parsed.data.code, context);
    if (check.outcome !== 'ok') {
      const message =
        check.outcome === 'wrong'
          ? req.t('signature.error.code_wrong', { count: check.triesLeft })
          : req.t(`signature.error.code_${check.outcome}`);
      await keepSignatureForm(req, values, { code: message });
      return res.redirect(303, back(req, 'signature-errors'));
    }
    const decision = { kind: 'sign' as const, typedName: parsed.data.fullName, code: parsed.data.code };
    const result = await decideAsStudent(services.db, command(req), decision, originOf(req), context);
    res.redirect(303, `/student/conventions/${idParam(req)}?done=${result.outcome}`);
  });

  router.post('/signature/refuse', async (req, res) => {
    const parsed = refuseSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      const errors = Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([field, key]) => [field, req.t(key)]));
      await keepSignatureForm(req, { reason: String(req.body?.reason ?? '') }, errors);
      return res.redirect(303, back(req, 'signature-errors'));
    }
    const decision = { kind: 'refuse' as const, reason: parsed.data.reason };
    const result = await decideAsStudent(services.db, command(req), decision, originOf(req), context);
    res.redirect(303, `/student/conventions/${idParam(req)}?done=${result.outcome}`);
  });
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
