import { Router } from 'express';
import type { Services } from '../../../services';
import { notFound } from '../../../errors';
import { userRateLimit } from '../../../middleware/userRateLimits';
import { certificateMaxBytes, uploadCertificate } from '../../../services/student/certificate';
import { certificatePage, ownDocument } from '../../../services/student/studentQueries';
import { csrfCheckedUpload } from '../../shared/fileUpload';
import { keepFormState, takeFormState } from '../../shared/formState';
import { idParam, idSchema } from '../../shared/ids';

/** Where the form posts: the CSRF middleware leaves its multipart body to `receiveFile`. */
export const certificateUploadPath = '/student/certificate';

const receiveFile = csrfCheckedUpload('certificate', certificateMaxBytes, {
  tooLarge: 'student.certificate.errors.tooLarge',
  oneFile: 'student.certificate.errors.oneFile',
});

/** `inline`, with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / 5987). */
function inlineDisposition(filename: string): string {
  const fallback = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

const conventionChoice = idSchema();

/** The civil-liability certificate: upload for one of the student's conventions, list with the office's decision, view one's own file. */
export function certificateRoutes(services: Services): Router {
  const { db } = services;
  const router = Router();

  router.get('/', async (req, res) => {
    const userId = req.session!.userId;
    const { certificates, choices } = await certificatePage(db, userId);
    const kept = await takeFormState(req, 'certificate');
    const asked = conventionChoice.safeParse(kept?.values.conventionId ?? req.query.convention);
    res.render('student/certificate', {
      title: req.t('student.certificate.title'),
      certificates,
      choices,
      selected: asked.success ? asked.data : choices.length === 1 ? choices[0].id : undefined,
      errors: kept?.errors ?? {},
      done: req.query.done === 'uploaded',
    });
  });

  router.post('/', userRateLimit(services, 'certificateUpload'), async (req, res) => {
    const limitError = await receiveFile(req, res);
    const file = req.file;
    const chosen = conventionChoice.safeParse(req.body?.conventionId);
    const conventionId = chosen.success ? chosen.data : undefined;
    let errors: Record<string, string> = {};
    const fileError = limitError ?? (file ? null : 'student.certificate.errors.missing');
    if (fileError) {
      errors.certificate = fileError;
      if (!conventionId) errors.conventionId = 'student.certificate.errors.convention';
    } else if (file) {
      const result = await uploadCertificate(db, req.session!.userId, conventionId, file, { quota: services.config.certificateQuota });
      if (!result.ok) errors = result.errors;
    }
    if (Object.keys(errors).length > 0) {
      await keepFormState(req, 'certificate', { values: { conventionId: conventionId ? String(conventionId) : '' }, errors });
      return res.redirect(303, '/student/certificate');
    }
    res.redirect(303, '/student/certificate?done=uploaded');
  });

  router.get('/:id', async (req, res) => {
    const document = await ownDocument(db, idParam(req), req.session!.userId);
    if (!document || document.kind !== 'civil_liability' || !document.bytes) throw notFound();
    res
      .type(document.contentType)
      .set('Content-Disposition', inlineDisposition(document.filename))
      .set('X-Content-Type-Options', 'nosniff')
      .set('Cache-Control', 'private, no-store')
      .send(document.bytes);
  });

  return router;
}
