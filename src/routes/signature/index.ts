import { Router, type Request, type Response } from 'express';
import type { Services } from '../../services';
import { setUpRateLimit } from '../../middleware/rateLimit';
import { decideByLink, type Decision } from '../../services/signature/decideSignature';
import { openSignatureLink, type OpenLink } from '../../services/signature/openSignatureLink';
import { mailPartyOf } from '../../services/signature/circuitParties';
import { formatDate } from '../../format';
import { refuseSchema, signSchema } from './schemas';

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

  const page = (req: Request, res: Response, opened: OpenLink, errors: Record<string, string> = {}, values: Record<string, string> = {}) =>
    res.status(Object.keys(errors).length > 0 ? 422 : 200).render('signature/show', {
      title: req.t('signature.page.title', { reference: opened.convention.reference }),
      reference: opened.convention.reference,
      role: req.t(`signature.roles.${mailPartyOf(opened.request.party)}`),
      request: opened.request,
      sha256: opened.pdf.sha256,
      validUntil: formatDate(opened.request.expiresAt.toISOString().slice(0, 10), req.locale),
      pdfHref: `/sign/${token(req)}/convention.pdf`,
      action: `/sign/${token(req)}`,
      errors,
      values,
    });

  router.get('/:token', async (req, res) => {
    page(req, res, await openSignatureLink(db, token(req), clock));
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

  const decide = (kind: 'sign' | 'refuse') => async (req: Request, res: Response) => {
    const body = (req.body ?? {}) as Record<string, string>;
    const parsed = kind === 'sign' ? signSchema.safeParse(body) : refuseSchema.safeParse(body);
    if (!parsed.success) {
      const errors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), req.t(issue.message)]));
      return page(req, res, await openSignatureLink(db, token(req), clock), errors, body);
    }
    const decision: Decision = kind === 'sign' ? { kind: 'sign' } : { kind: 'refuse', reason: (parsed.data as { reason: string }).reason };
    const result = await decideByLink(db, token(req), decision, originOf(req), { config, clock });
    res.render('signature/done', {
      title: req.t(result.outcome === 'signed' ? 'signature.page.signedTitle' : 'signature.page.refusedTitle'),
      outcome: result.outcome,
    });
  };
  router.post('/:token/sign', decide('sign'));
  router.post('/:token/refuse', decide('refuse'));
  return router;
}
