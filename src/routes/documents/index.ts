import { signedConventionPdfFor } from '../../services/signature/signedConventionPdf';
import { Router, type Request, type Response } from 'express';
import type { Services } from '../../services';
import { AppError } from '../../errors';
import { attestationPdfFor } from '../../services/documents/attestationPdf';
import { certificateFor } from '../../services/documents/certificateFile';
import { conventionPdfFor, type ServedPdf } from '../../services/documents/conventionPdf';
import type { DocumentViewer } from '../../services/documents/documentAccess';
import { userRateLimit } from '../../middleware/userRateLimits';
import { idParam } from '../shared/ids';
import { auditTrailPdfFor } from '../../services/signature/auditTrailExport';
import { signedScanFor } from '../../services/signature/signedScan';
import { attestationScanFor } from '../../services/evaluations/attestationScan';

function viewerOf(req: Request): DocumentViewer {
  if (!req.session) throw new AppError(401, 'errors.sessionExpired');
  return { userId: req.session.userId, office: req.session.office };
}

/** `inline`, with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / 5987). */
function inlineDisposition(filename: string): string {
  const fallback = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

function sendFile(res: Response, file: { bytes: Buffer; filename: string; sha256: string; contentType?: string }) {
  res
    .type(file.contentType ?? 'application/pdf')
    .set('Content-Disposition', inlineDisposition(file.filename))
    .set('X-Content-Type-Options', 'nosniff')
    .set('Cache-Control', 'private, no-store')
    .set('ETag', `"${file.sha256}"`)
    .set('Repr-Digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`)
    .send(file.bytes);
}

const sendPdf = (res: Response, pdf: ServedPdf) => {
  res.set('X-Pstage-Document', pdf.final ? 'final' : 'draft');
  sendFile(res, pdf);
};

/** Generated and uploaded documents, each checked against who asks (student, programme head, office). */
export function documentRoutes(services: Services): Router {
  const { db, config } = services;
  const router = Router();
  const pdfLimit = userRateLimit(services, 'pdf');
  router.get('/conventions/:id/convention.pdf', pdfLimit, async (req, res) => {
    sendPdf(res, await conventionPdfFor(db, config.institution, viewerOf(req), idParam(req), services.pdfRenderer));
  });
  router.get('/conventions/:id/signed.pdf', pdfLimit, async (req, res) => {
    sendPdf(res, await signedConventionPdfFor(db, viewerOf(req), idParam(req)));
  });
  router.get('/conventions/:id/audit-trail.pdf', pdfLimit, async (req, res) => {
    const options = {
      now: services.clock.now(),
      language: req.locale === 'en' ? ('en' as const) : ('fr' as const),
      institutionName: config.institution.name,
    };
    sendPdf(res, await auditTrailPdfFor(db, viewerOf(req), idParam(req), options));
  });
  router.get('/conventions/:id/attestation.pdf', pdfLimit, async (req, res) => {
    sendPdf(
      res,
      await attestationPdfFor(db, config.institution, viewerOf(req), idParam(req), services.pdfRenderer, services.clock.today()),
    );
  });
  router.get('/conventions/:id/attestation-scan.pdf', pdfLimit, async (req, res) => {
    sendFile(res, await attestationScanFor(db, viewerOf(req), idParam(req)));
  });
  router.get('/conventions/:id/scans/:documentId', pdfLimit, async (req, res) => {
    sendFile(res, await signedScanFor(db, viewerOf(req), idParam(req), idParam(req, 'documentId')));
  });
  router.get('/certificates/:id', async (req, res) => {
    const document = await certificateFor(db, viewerOf(req), idParam(req));
    sendFile(res, document);
  });
  return router;
}
