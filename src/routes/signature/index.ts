import { Router, type Request, type Response } from 'express';
import type { Services } from '../../services';
import { setUpRateLimit } from '../../middleware/rateLimit';
import { decideByLink, type LinkDecision } from '../../services/signature/decideSignature';
import { checkSigningCode, sendSigningCode, signingCodeMinutes, signingCodesPerHour } from '../../services/signature/signingCode';
import { openSignatureLink, openSignatureLinkPage, type OpenLink } from '../../services/signature/openSignatureLink';
import { mailPartyOf } from '../../services/signature/circuitParties';
import { formatDate, formatDateTime } from '../../format';
import { refuseSchema, signSchemaFor } from './schemas';

const originOf = (req: Request) => ({ ip: req.ip ?? req.socket.remoteAddress ?? '', userAgent: req.get('user-agent') ?? '' });

/**
 * A signatory's personal link: no account, no LMS; the token in the path is the only credential (no session,
 * hence no CSRF token: a forged form would need the secret link). Counted per address; every closed, wrong or
 * foreign link is the same 404.
 */
export function signatureLinkRoutes(services: Services): Router {
  const { db, clock, config } = services;
  const router = Router();
  router.use(
    setUpRateLimit({ db, name: 'signatureLink', windowMs: 60_000, limit: config.signature.linksPerMinute, logger: services.logger }),
  );
  const token = (req: Request) => String(req.params.token);

  const page = (
    req: Request,
    res: Response,
    opened: OpenLink,
    errors: Record<string, string> = {},
    values: Record<string, string> = {},
    status = Object.keys(errors).length > 0 ? 422 : 200,
  ) =>
    res.status(status).render('signature/show', {
      title: req.t('signature.page.title', { reference: opened.convention.reference }),
      reference: opened.convention.reference,
      role: req.t(`signature.roles.${mailPartyOf(opened.request.party)}`),
      request: opened.request,
      sha256: opened.pdf.sha256,
      validUntil: formatDate(opened.request.expiresAt.toISOString().slice(0, 10), req.locale),
      pdfHref: `/sign/${token(req)}/convention.pdf`,
      action: `/sign/${token(req)}`,
      codeSent: req.query.code === 'sent',
      codeMinutes: signingCodeMinutes,
      errors,
      values,
    });

  /** Every field's first problem, all fields in one pass. */
  const fieldErrors = (req: Request, issues: { path: PropertyKey[]; message: string }[]) => {
    const errors: Record<string, string> = {};
    for (const issue of issues) {
      const field = String(issue.path[0]);
      if (!(field in errors)) errors[field] = req.t(issue.message);
    }
    return errors;
  };

  router.get('/:token', async (req, res) => {
    page(req, res, await openSignatureLinkPage(db, token(req), clock, originOf(req).ip));
  });

  router.get('/:token/convention.pdf', async (req, res) => {
    const { pdf } = await openSignatureLink(db, token(req), clock);
    res
      .type('application/pdf')
      .set('Content-Disposition', `inline; filename="${pdf.filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"`)
      .set('X-Content-Type-Options', 'nosniff')
      .set('Cache-Control', 'private, no-store')
      .send(pdf.bytes);
  });

  router.post('/:token/code', async (req, res) => {
    const sending = await sendSigningCode(db, token(req), req.locale === 'en' ? 'en' : 'fr', { config, clock });
    if (!sending.sent) {
      const time = formatDateTime(sending.retryAfter, req.locale);
      const message = req.t('signature.error.tooManyCodes', { count: signingCodesPerHour, time });
      return page(req, res, await openSignatureLink(db, token(req), clock), { code: message }, {}, 429);
    }
    res.redirect(303, `/sign/${token(req)}?code=sent${req.locale === 'en' ? '&lang=en' : ''}#sign-heading`);
  });

  const done = (req: Request, res: Response, outcome: 'signed' | 'refused') =>
    res.render('signature/done', {
      title: req.t(outcome === 'signed' ? 'signature.page.signedTitle' : 'signature.page.refusedTitle'),
      outcome,
    });

  router.post('/:token/sign', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, string>;
    const opened = await openSignatureLink(db, token(req), clock);
    const parsed = signSchemaFor(opened.request.name).safeParse(body);
    const values = { fullName: typeof body.fullName === 'string' ? body.fullName : '', consent: body.consent === 'yes' ? 'yes' : '' };
    if (!parsed.success) return page(req, res, opened, fieldErrors(req, parsed.error.issues), values);
    const check = await checkSigningCode(db, token(req), parsed.data.code, { config, clock });
    if (check.outcome !== 'ok') {
      const message =
        check.outcome === 'wrong'
          ? req.t('signature.error.code_wrong', { count: check.triesLeft })
          : req.t(`signature.error.code_${check.outcome}`);
      return page(req, res, opened, { code: message }, values);
    }
    const decision: LinkDecision = { kind: 'sign', typedName: parsed.data.fullName, code: parsed.data.code };
    const result = await decideByLink(db, token(req), decision, originOf(req), { config, clock });
    done(req, res, result.outcome);
  });

  router.post('/:token/refuse', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, string>;
    const parsed = refuseSchema.safeParse(body);
    if (!parsed.success) return page(req, res, await openSignatureLink(db, token(req), clock), fieldErrors(req, parsed.error.issues), body);
    const result = await decideByLink(db, token(req), { kind: 'refuse', reason: parsed.data.reason }, originOf(req), { config, clock });
    done(req, res, result.outcome);
  });
  return router;
}
