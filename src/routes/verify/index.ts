import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import { hasNulCharacter } from '../../middleware/nulCharacters';
import { browserLocale, translator } from '../../middleware/i18n';
import { setUpRateLimit } from '../../middleware/rateLimit';
import type { Services } from '../../services';
import { AppError } from '../../errors';
import { colon, formatLongDateTime } from '../../format';
import { normaliseVerificationCode, verifySignedConvention, type VerificationResult } from '../../services/signature/verification';

export const verifiedFileMaxBytes = 20 * 1024 * 1024;

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: verifiedFileMaxBytes, files: 1, fields: 4 },
}).single('document');

/** The file a reader gives, or a field error; a body multer cannot read is a 400, never a 500. */
function receiveFile(req: Request, res: Response): Promise<string | null> {
  return new Promise((resolve, reject) => {
    upload(req, res, (error: unknown) => {
      if (!error) {
        if (hasNulCharacter(req.body)) return reject(new AppError(400, 'errors.nulCharacter'));
        return resolve(req.file ? null : 'verify.errors.fileRequired');
      }
      if (error instanceof multer.MulterError)
        return resolve(error.code === 'LIMIT_FILE_SIZE' ? 'verify.errors.tooLarge' : 'verify.errors.oneFile');
      reject(new AppError(400, 'errors.incompleteUpload'));
    });
  });
}

/**
 * The public verification page of sealed conventions: no account, nothing but the code (printed on the signature
 * page) or the file. Counted per address; it tells valid / modified / unknown and shows what the signature page shows,
 * without e-mails or addresses.
 */
export function verificationRoutes(services: Services): Router {
  const { db, config } = services;
  const router = Router();
  router.use(setUpRateLimit({ db, name: 'verification', windowMs: 60_000, limit: 30, logger: services.logger }));
  const localeOf = (req: Request): 'fr' | 'en' =>
    req.query.lang === 'en' || req.query.lang === 'fr' ? req.query.lang : browserLocale(req);

  const page = (req: Request, res: Response, locals: { code?: string; result?: VerificationResult; errors?: Record<string, string> }) => {
    const locale = localeOf(req);
    const t = translator(locale);
    const errors = Object.fromEntries(Object.entries(locals.errors ?? {}).map(([field, key]) => [field, t(key)]));
    res.status(Object.keys(errors).length > 0 ? 422 : 200).render('verify/show', {
      t,
      locale,
      title: t('verify.title'),
      navigation: [],
      code: locals.code ?? '',
      result: locals.result,
      errors,
      colon: colon(locale),
      sealedOn: (at: Date) => `${formatLongDateTime(at, locale, 'UTC')} UTC`,
    });
  };

  const byCode = async (req: Request, res: Response, typed: unknown) => {
    if (typeof typed !== 'string' || typed.trim() === '') return page(req, res, {});
    const code = normaliseVerificationCode(typed);
    if (!code) return page(req, res, { code: typed.slice(0, 40), errors: { code: 'verify.errors.codeFormat' } });
    page(req, res, { code, result: await verifySignedConvention(db, { code }, config) });
  };
  router.get('/', (req, res) => byCode(req, res, req.query.code));
  router.get('/:code', (req, res) => byCode(req, res, req.params.code));

  router.post('/', async (req, res) => {
    const fileError = await receiveFile(req, res);
    const typed = typeof req.body?.code === 'string' ? (req.body.code as string) : '';
    const code = typed.trim() === '' ? undefined : normaliseVerificationCode(typed);
    const errors: Record<string, string> = {};
    if (code === null) errors.code = 'verify.errors.codeFormat';
    if (fileError) errors.document = fileError;
    if (Object.keys(errors).length > 0) return page(req, res, { code: typed.slice(0, 40), errors });
    const result = await verifySignedConvention(db, { code: code ?? undefined, file: req.file!.buffer }, config);
    page(req, res, { code: code ?? '', result });
  });
  return router;
}
