import { Router, type Request, type Response } from 'express';
import type { Services } from '../../services';
import { setUpRateLimit } from '../../middleware/rateLimit';
import { colon, formatDate, formatDateTime } from '../../format';
import { formValuesOf } from '../../domain/evaluationAnswers';
import { hostSpaceOf, hostTutorEvaluation, openHostSpace } from '../../services/evaluations/hostSpaceLink';
import { attestationScanMaxBytes, completeHostAttestation } from '../../services/evaluations/hostAttestation';
import { lastDayOf } from '../../domain/internshipEnd';
import { partiesOf } from '../../services/documents/conventionDocumentData';
import { conventionPdfFor } from '../../services/documents/conventionPdf';
import { attestationPdfFor } from '../../services/documents/attestationPdf';
import type { ServedPdf } from '../../services/documents/conventionPdf';
import { personalLinkViewer } from '../../services/documents/documentAccess';
import { validate } from '../shared/validate';
import { answerEvaluationForm } from '../shared/evaluationForm';
import { signedAttestationFormFor } from './schemas';
import { checkedUpload } from '../shared/fileUpload';
import { checkAttestationCode, sendAttestationCode } from '../../services/evaluations/attestationCode';
import { attestationScanFor } from '../../services/evaluations/attestationScan';
import { signingCodesPerHour } from '../../services/signature/signingCode';

type Form = Record<string, unknown>;

/**
 * The professional tutor's space: no account, the token in the path is the only credential (no session, hence no
 * CSRF token: a forged form would need the secret link), counted per address; every closed or wrong link is a 404.
 */
export function hostSpaceRoutes(services: Services): Router {
  const { db, clock, config } = services;
  const router = Router();
  router.use(
    setUpRateLimit({ db, name: 'hostSpaceLink', windowMs: 60_000, limit: config.signature.linksPerMinute, logger: services.logger }),
  );
  const token = (req: Request) => String(req.params.token);

  async function page(
    req: Request,
    res: Response,
    state: {
      notice?: string;
      errors?: Record<string, string>;
      values?: Form;
      attestationErrors?: Record<string, string>;
      attestationValues?: Form;
    } = {},
  ) {
    const { convention, link, evaluation, attestation } = await hostSpaceOf(db, token(req), clock);
    const parties = await partiesOf(db, convention, 'frozen');
    const lastDay = lastDayOf(convention) ?? '';
    const lang = req.locale === 'en' ? 'en' : 'fr';
    const failed = Object.keys(state.errors ?? {}).length + Object.keys(state.attestationErrors ?? {}).length > 0;
    res.status(failed ? 422 : 200).render('host/space', {
      title: req.t('evaluation.host.title', { studentName: `${convention.student.firstName} ${convention.student.lastName}` }),
      reference: convention.reference,
      colon: colon(req.locale),
      startDate: formatDate(convention.startDate ?? '', req.locale),
      endDate: formatDate(lastDay, req.locale),
      base: `/host/${token(req)}`,
      referent: parties.academicTutor
        ? { name: `${parties.academicTutor.firstName} ${parties.academicTutor.lastName}`, email: parties.academicTutor.email }
        : null,
      evaluation,
      submittedOn: evaluation?.submittedAt ? formatDate(evaluation.submittedAt.toISOString().slice(0, 10), req.locale) : '',
      lang,
      values: state.values ?? (evaluation ? formValuesOf(evaluation.answers) : {}),
      errors: state.errors ?? {},
      attestation: attestation
        ? {
            date: formatDate(attestation.submittedAt.toISOString().slice(0, 10), req.locale),
            name: attestation.signedName,
            method: req.t(`evaluation.host.signedWith_${attestation.signatureMethod}`, { email: attestation.signedEmail ?? '' }),
            scan: attestation.scanDocumentId !== null,
            hours: attestation.effectiveHours,
            amount: attestation.totalGratificationPaid,
          }
        : null,
      attestationOpen: clock.today() >= lastDay,
      attestationErrors: state.attestationErrors ?? {},
      attestationValues: state.attestationValues ?? {
        effectiveHours: String(convention.computedTotalHours ?? ''),
        totalGratificationPaid: '',
        signedName: '',
        method: 'code',
      },
      tutor: { name: link.name, email: link.email },
      notice: state.notice,
    });
  }

  const sendPdf = (res: Response, pdf: ServedPdf) =>
    res
      .type('application/pdf')
      .set('Content-Disposition', `inline; filename="${pdf.filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"`)
      .set('X-Content-Type-Options', 'nosniff')
      .set('Cache-Control', 'private, no-store')
      .send(pdf.bytes);

  router.get('/:token', (req, res) => page(req, res));

  router.get('/:token/convention.pdf', async (req, res) => {
    const { convention } = await openHostSpace(db, token(req), clock);
    sendPdf(res, await conventionPdfFor(db, config.institution, personalLinkViewer(convention.id), convention.id, services.pdfRenderer));
  });

  router.get('/:token/attestation.pdf', async (req, res) => {
    const { convention } = await openHostSpace(db, token(req), clock);
    sendPdf(
      res,
      await attestationPdfFor(
        db,
        config.institution,
        personalLinkViewer(convention.id),
        convention.id,
        services.pdfRenderer,
        clock.today(),
      ),
    );
  });

  router.post('/:token/evaluation', async (req, res) => {
    const { convention, link } = await openHostSpace(db, token(req), clock);
    const evaluation = await hostTutorEvaluation(db, convention.id);
    if (!evaluation) return page(req, res);
    return page(req, res, await answerEvaluationForm(req, db, clock, evaluation, `host:${link.id}`));
  });

  const receiveScan = checkedUpload('scan', attestationScanMaxBytes, {
    tooLarge: 'evaluation.errors.scanTooLargeField',
    oneFile: 'evaluation.errors.scanOneFile',
  });
  const codeContext = { clock, encryptionKey: config.encryptionKey };

  // One form, urlencoded or multipart (the scan): ask for the code, or sign with the code or the scan.
  router.post('/:token/attestation', async (req, res) => {
    const opened = await openHostSpace(db, token(req), clock);
    const uploadError = await receiveScan(req, res);
    const form: Form = { ...((req.body ?? {}) as Form), scan: uploadError ?? req.file };
    const attestationValues = { ...form, scan: undefined, code: '' };
    if (form.intent === 'code') {
      const sending = await sendAttestationCode(db, token(req), req.locale === 'en' ? 'en' : 'fr', codeContext);
      if (!sending.sent) {
        const time = formatDateTime(sending.retryAfter, req.locale);
        const message = req.t('signature.error.tooManyCodes', { count: signingCodesPerHour, time });
        return page(req, res, { attestationErrors: { code: message }, attestationValues: { ...attestationValues, method: 'code' } });
      }
      return page(req, res, {
        notice: req.t('evaluation.host.codeSent', { email: sending.email }),
        attestationValues: { ...attestationValues, method: 'code' },
      });
    }
    const result = validate(signedAttestationFormFor(opened.link.name), form);
    if (!result.ok) {
      const attestationErrors = Object.fromEntries(Object.entries(result.state.errors).map(([field, key]) => [field, req.t(key)]));
      return page(req, res, { attestationErrors, attestationValues });
    }
    const { signature } = result.values;
    if (signature.method === 'code') {
      const check = await checkAttestationCode(db, token(req), signature.code, codeContext);
      if (check.outcome !== 'ok') {
        const message =
          check.outcome === 'wrong'
            ? req.t('signature.error.code_wrong', { count: check.triesLeft })
            : req.t(`signature.error.code_${check.outcome}`);
        return page(req, res, { attestationErrors: { code: message }, attestationValues });
      }
    }
    const refusal = await completeHostAttestation(db, opened, result.values, codeContext);
    if (refusal) return page(req, res, { attestationErrors: { [refusal.field]: req.t(refusal.key, refusal.params) }, attestationValues });
    return page(req, res, { notice: req.t('evaluation.host.attestationTitle') });
  });

  router.get('/:token/attestation-scan.pdf', async (req, res) => {
    const { convention } = await openHostSpace(db, token(req), clock);
    sendPdf(res, await attestationScanFor(db, personalLinkViewer(convention.id), convention.id));
  });
  return router;
}
