import { Router } from 'express';
import { z } from 'zod';
import { sendForSignature } from '../../../services/signature/sendForSignature';
import { replaceSignatoryEmail } from '../../../services/signature/replaceSignatoryEmail';
import { reportBounce } from '../../../services/signature/reportBounce';

const bounceSchema = z.object({
  requestId: z.coerce.number().int().positive(),
  note: z.string({ error: 'signature.bounce.errors.note' }).trim().min(1, 'signature.bounce.errors.note').max(500, 'office.errors.tooLong'),
});
const signatoryEmailSchema = z.object({
  requestId: z.coerce.number().int().positive(),
  email: z.email('signature.error.email'),
});
import type { Services } from '../../../services';
import { cancelConvention } from '../../../services/office/cancelConvention';
import { loadConventionFile } from '../../../services/office/conventionFile';
import { controlQueue } from '../../../services/office/controlQueue';
import { reviewCumulationFlag } from '../../../services/office/cumulationReviews';
import { recordDeanSignature } from '../../../services/office/recordDeanSignature';
import { recordInternshipEnd } from '../../../services/office/recordInternshipEnd';
import { recordSignature } from '../../../services/office/recordSignature';
import { returnConvention } from '../../../services/office/returnConvention';
import { validateConvention } from '../../../services/office/validateConvention';
import { reviewCertificate } from '../../../services/office/reviewCertificate';
import { isIsoDate } from '../../../domain/calendarDate';
import { idParam } from '../../shared/ids';
import { formatDate } from '../../../format';
import { defaultStartWarningDays } from '../startWarning';
import { keepOfficeForm, officeAction, takeOfficeForm } from './actionForm';
import { defineForm } from '../../shared/validate';
import { scanUploadRoute } from './scanUpload';
import { scanMaxBytes } from '../../../services/signature/recordScan';
import { setSignatureOrder, signatureOrderView } from '../../../services/signature/setSignatureOrder';
import { filterSchema, officeForms, queueStates, signatureOrderSchema } from './schemas';

const actions = [
  'validate',
  'return',
  'cancel',
  'signature',
  'certificate',
  'dean',
  'internshipEnd',
  'cumulation',
  'sendForSignature',
  'signatoryEmail',
  'scan',
  'signatureOrder',
  'signatureBounce',
] as const;

const confirmedForms = ['return', 'cancel'] as const;

/** The control queue, one convention, and the office's actions on it. */
export function officeConventionRoutes(services: Services): Router {
  const router = Router();
  const { db, clock } = services;

  router.get('/', async (req, res) => {
    const filters = filterSchema.parse(req.query);
    const badDates = (['startFrom', 'startTo'] as const).filter(
      (name) => typeof req.query[name] === 'string' && req.query[name] !== '' && !filters[name],
    );
    const { page, q, ...rest } = filters;
    const queue = await controlQueue(db, { ...rest, search: q }, page, clock.today(), defaultStartWarningDays);
    const query = Object.fromEntries(
      Object.entries(req.query).filter(([name, value]) => name !== 'page' && typeof value === 'string' && value !== ''),
    ) as Record<string, string>;
    res.render('office/conventions/list', {
      title: req.t('office.queue.title'),
      ...queue,
      filters: { ...req.query },
      dateErrors: Object.fromEntries(badDates.map((name) => [name, 'office.errors.date'])),
      states: queueStates,
      pageHref: (target: number) => `/office/conventions?${new URLSearchParams({ ...query, page: String(target) })}`,
    });
  });

  router.get('/:id', async (req, res) => {
    const id = idParam(req);
    const file = await loadConventionFile(db, id, clock.today());
    const kept = await takeOfficeForm(req, id);
    const done = actions.find((action) => action === req.query.done) ?? null;
    const showParams = (params: Record<string, string | number>) =>
      Object.fromEntries(
        Object.entries(params).map(([name, value]) => [
          name,
          typeof value === 'string' && isIsoDate(value) ? formatDate(value, req.locale) : value,
        ]),
      );
    res.render('office/conventions/show', {
      title: req.t('office.convention.title', { reference: file.convention.reference }),
      ...file,
      today: clock.today(),
      scanMegabytes: scanMaxBytes / (1024 * 1024),
      signatureOrder: await signatureOrderView(db, file.convention),
      kept: kept ?? null,
      done,
      /** The kept error of a field of one of the page's forms, in words. */
      errorText: (form: string, field: string) => {
        const error = kept?.form === form ? kept.errors[field] : undefined;
        return error ? req.t(error.key, showParams(error.params)) : null;
      },
      keptValue: (form: string, field: string, fallback: unknown = '') =>
        kept?.form === form && kept.values[field] !== undefined ? kept.values[field] : fallback,
    });
  });

  /** Returning or cancelling asks first, on a page of its own (no JavaScript), with the reason typed kept. */
  router.get('/:id/confirm/:form', async (req, res) => {
    const id = idParam(req);
    const form = confirmedForms.find((name) => name === req.params.form);
    const kept = await takeOfficeForm(req, id);
    if (!form || kept?.form !== form || Object.keys(kept.errors).length > 0) return res.redirect(303, `/office/conventions/${id}`);
    // Kept again, so that reloading the confirmation page still finds what was typed.
    await keepOfficeForm(req, kept);
    const file = await loadConventionFile(db, id, clock.today());
    res.render('office/conventions/confirm', {
      title: req.t(`office.actions.${form}.confirmTitle`, { reference: file.convention.reference }),
      form,
      convention: file.convention,
      reason: String(kept.values.reason ?? ''),
      version: String(kept.values.version ?? ''),
    });
  });

  router.post(
    '/:id/validate',
    officeAction('validate', officeForms.validate, (command, data) =>
      validateConvention(db, { ...command, ...data }, clock, { config: services.config, renderer: services.pdfRenderer }),
    ),
  );
  router.post(
    '/:id/return',
    officeAction('return', officeForms.return, (command, data) => returnConvention(db, { ...command, ...data }, clock), { confirm: true }),
  );
  router.post(
    '/:id/cancel',
    officeAction('cancel', officeForms.cancel, (command, data) => cancelConvention(db, { ...command, ...data }, clock), { confirm: true }),
  );
  router.post(
    '/:id/signatures',
    officeAction('signature', officeForms.signature, (command, data) => recordSignature(db, { ...command, ...data }, clock, services)),
  );
  router.post('/:id/scan', ...scanUploadRoute(services));
  router.post(
    '/:id/signature-bounce',
    officeAction('signatureBounce', defineForm(bounceSchema, { note: 'signature.bounce.noteLabel' }), (command, data) =>
      reportBounce(db, { ...command, ...data }, { clock }),
    ),
  );
  router.post(
    '/:id/signature-order',
    officeAction(
      'signatureOrder',
      defineForm(signatureOrderSchema, { mode: 'signature.order.mode', sequence: 'signature.order.sequence' }),
      (command, data) => setSignatureOrder(db, { ...command, ...data }, { config: services.config, clock }),
    ),
  );
  router.post(
    '/:id/send-for-signature',
    officeAction('sendForSignature', defineForm(z.object({}), {}), (command) =>
      sendForSignature(db, command, { config: services.config, clock, renderer: services.pdfRenderer }),
    ),
  );
  router.post(
    '/:id/signatory-email',
    officeAction(
      'signatoryEmail',
      defineForm(signatoryEmailSchema, { requestId: 'signature.office.party', email: 'signature.office.email' }),
      (command, data) => replaceSignatoryEmail(db, { ...command, ...data }, { config: services.config, clock }),
    ),
  );
  router.post(
    '/:id/certificate',
    officeAction('certificate', officeForms.certificate, (command, data) =>
      reviewCertificate(db, { ...command, ...data }, { config: services.config, clock }),
    ),
  );
  router.post(
    '/:id/dean-signature',
    officeAction('dean', officeForms.dean, (command, data) =>
      recordDeanSignature(db, { ...command, ...data }, { config: services.config, clock }),
    ),
  );
  router.post(
    '/:id/internship-end',
    officeAction('internshipEnd', officeForms.internshipEnd, (command, data) => recordInternshipEnd(db, { ...command, ...data }, clock)),
  );
  router.post(
    '/:id/cumulation-review',
    officeAction('cumulation', officeForms.cumulation, (command, data) => reviewCumulationFlag(db, { ...command, ...data }, clock)),
  );
  return router;
}
