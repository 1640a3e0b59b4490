import type { Request, Response } from 'express';
import multer from 'multer';
import { AppError } from '../../errors';
import { csrfRefusal } from '../../middleware/csrf';
import { hasNulCharacter } from '../../middleware/nulCharacters';

/** The i18n keys of a form's file errors that are the uploader's doing. */
export interface UploadErrorKeys {
  tooLarge: string;
  oneFile: string;
}

/**
 * Reads one file of a multipart form into memory, the CSRF token checked before a byte of the file is kept (the
 * form's `_csrf` field comes first) and again after (a post without a file). A file too large or a second file
 * resolves to its error key (a field error, not a 500); a body multer cannot read (cut short, no boundary,
 * malformed part) is a 400, a NUL character in a field or the file name too (PostgreSQL would refuse it).
 */
export function csrfCheckedUpload(field: string, maxBytes: number, errors: UploadErrorKeys) {
  return checkedUpload(field, maxBytes, errors, csrfRefusal);
}

/**
 * The same reading with another check of the request than the session's CSRF token (the host's space: the secret
 * link is the credential, checked before the upload), or none.
 */
export function checkedUpload(
  field: string,
  maxBytes: number,
  errors: UploadErrorKeys,
  refusalOf: (req: Request) => AppError | undefined = () => undefined,
) {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 1 },
    defParamCharset: 'utf8',
    fileFilter: (req, _file, accept) => {
      const refusal = refusalOf(req);
      if (refusal) accept(refusal);
      else accept(null, true);
    },
  }).single(field);
  return (req: Request, res: Response): Promise<string | null> =>
    new Promise((resolve, reject) => {
      upload(req, res, (error: unknown) => {
        if (error instanceof AppError) return reject(error);
        if (!error) {
          const refusal = refusalOf(req);
          if (refusal) return reject(refusal);
          if (hasNulCharacter(req.body) || hasNulCharacter(req.file?.originalname)) return reject(new AppError(400, 'errors.nulCharacter'));
          return resolve(null);
        }
        if (error instanceof multer.MulterError) return resolve(error.code === 'LIMIT_FILE_SIZE' ? errors.tooLarge : errors.oneFile);
        reject(new AppError(400, 'errors.incompleteUpload'));
      });
    });
}
