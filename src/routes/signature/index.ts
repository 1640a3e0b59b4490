import { Router, type Request, type Response } from 'express';
import type { Services } from '../../services';
import { setUpRateLimit } from '../../middleware/rateLimit';
import { decideByLink, type LinkDecision } from '../../services/signature/decideSignature';
import { checkSigningCode, sendSigningCode, signingCodeMinutes, signingCodesPerHour } from '../../services/signature/signingCode';
import { openSignatureLink, openSignatureLinkPage, type OpenLink } from '../../services/signature/openSignatureLink';
import { mailPartyOf } from '../../services/signature/circuitParties';
import { formatDate, formatDateTime } from '../../format';
import { amendmentTitle } from '../../documents/amendmentPdf';
import { notFound } from '../../errors';
import { refuseSchema, signSchemaFor } from './schemas';

/** What the link signs: the convention, or one of its amendments (its own PDF, its own words). */
const documentOf = (opened: OpenLink) => (opened.amendment ? 'amendment' : 'convention');
const safeFilename = (name: string) => name.replace(/[^\x20-\x7e]|["\\]/g, '_');

/** The page's texts: an amendment's link names the amendment ("Avenant n° 2 à la convention CONV-…"), not the convention. */
function wordsFor(req: Request, opened: OpenLink) {
  const reference = opened.convention.reference ?? String(opened.convention.id);
  if (!opened.amendment)
    return {
      title: req.t('signature.page.title', { reference }),
      intro: req.t('signature.page.intro', { reference, role: req.t(`signature.roles.${mailPartyOf(opened.request.party)}`) }),
      pdfTitle: req.t('signature.page.pdfTitle'),
      download: req.t('signature.page.download'),
      consent: req.t('signature.page.consent', { reference }),
    };
  const number = opened.amendment.number;
  const values = { number, reference, role: req.t(`signature.roles.${mailPartyOf(opened.request.party)}`) };
  return {
    title: req.t('signature.amendmentPage.title', { document: amendmentTitle(number, reference, req.locale === 'en' ? 'en' : 'fr') }),
    intro: req.t('signature.amendmentPage.intro', values),
    pdfTitle: req.t('signature.amendmentPage.pdfTitle', values),
    download: req.t('signature.amendmentPage.download', values),
    consent: req.t('signature.amendmentPage.consent', values),
  };
}

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
      ...wordsFor(req, opened),
      reference: opened.convention.reference,
      role: req.t(`signature.roles.${mailPartyOf(opened.request.party)}`),
      request: opened.request,
      sha256: opened.pdf.sha256,
      validUntil: formatDate(opened.request.expiresAt.toISOString().slice(0, 10), req.locale),
      pdfHref: `/sign/${token(req)}/${documentOf(opened)}.pdf`,
      filename: safeFilename(opened.pdf.filename),
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

  /** The document the link signs, at the path its page names (an amendment's link has no convention.pdf). */
  const pdfRoute = (document: 'convention' | 'amendment') => async (req: Request, res: Response) => {
    const opened = await openSignatureLink(db, token(req), clock);
    if (documentOf(opened) !== document) throw notFound();
    const { pdf } = opened;
    res
      .type('application/pdf')
      .set('Content-Disposition', `inline; filename="${safeFilename(pdf.filename)}"`)
      .set('X-Content-Type-Options', 'nosniff')
      .set('Cache-Control', 'private, no-store')
      .send(pdf.bytes);
  };
  router.get('/:token/convention.pdf', pdfRoute('convention'));
  router.get('/:token/amendment.pdf', pdfRoute('amendment'));

  router.post('/:token/code', async (req, res) => {
    const sending = await sendSigningCode(db, token(req), req.locale === 'en' ? 'en' : 'fr', { config, clock });
    if (!sending.sent) {
      const time = formatDateTime(sending.retryAfter, req.locale);
      const message = req.t('signature.error.tooManyCodes', { count: signingCodesPerHour, time });
      return page(req, res, await openSignatureLink(db, token(req), clock), { code: message }, {}, 429);
    }
    res.redirect(303, `/sign/${token(req)}?code=sent${req.locale === 'en' ? '&lang=en' : ''}#sign-heading`);
  });

  const done = (req: Request, res: Response, opened: OpenLink, outcome: 'signed' | 'refused') => {
    const words = opened.amendment ? 'signature.amendmentPage' : 'signature.page';
    res.render('signature/done', {
      title: req.t(`${words}.${outcome}Title`),
      message: req.t(`${words}.${outcome}`),
    });
  };

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
    done(req, res, opened, result.outcome);
  });

  router.post('/:token/refuse', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, string>;
    const parsed = refuseSchema.safeParse(body);
    const opened = await openSignatureLink(db, token(req), clock);
    if (!parsed.success) return page(req, res, opened, fieldErrors(req, parsed.error.issues), body);
    const result = await decideByLink(db, token(req), { kind: 'refuse', reason: parsed.data.reason }, originOf(req), { config, clock });
    done(req, res, opened, result.outcome);
  });
  return router;
}
