import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import type { Services } from '../../../services';
import { signatureParties } from '../../../domain/workflow';
import { recordScanSignatures, scanMaxBytes } from '../../../services/signature/recordScan';
import { csrfCheckedUpload } from '../../shared/fileUpload';
import { defineForm } from '../../shared/validate';
import { officeAction } from './actionForm';
import { signatureDate } from './schemas';

/** Where the scan form posts: the CSRF middleware leaves its multipart body to the route (see `csrfCheckedUpload`). */
export const scanUploadPath = /^\/office\/conventions\/\d+\/scan$/;

const receiveScan = csrfCheckedUpload('scan', scanMaxBytes, {
  tooLarge: 'office.scan.errors.tooLarge',
  oneFile: 'office.scan.errors.oneFile',
});

const scanSchema = z.object({
  // Checkboxes: one party is a string, several an array; 'all' stands for every party still to sign.
  parties: z
    .preprocess(
      (value) => [value ?? []].flat(),
      z.array(z.enum([...signatureParties, 'all'], { error: 'office.errors.choose' })).min(1, { error: 'office.scan.errors.parties' }),
    )
    .transform((parties) => (parties.includes('all') ? ('all' as const) : parties.filter((party) => party !== 'all'))),
  signedAt: signatureDate(),
  scan: z.unknown().transform((value, context) => {
    if (typeof value === 'string' || !value) {
      context.addIssue({ code: 'custom', message: typeof value === 'string' ? value : 'office.scan.errors.missing' });
      return z.NEVER;
    }
    const file = value as Express.Multer.File;
    return { filename: file.originalname, bytes: file.buffer };
  }),
});

/** The office's upload of a convention signed outside Pstage (multipart): the file, then the office action. */
export function scanUploadRoute(services: Services): RequestHandler[] {
  const run = officeAction(
    'scan',
    defineForm(scanSchema, { parties: 'office.scan.parties', signedAt: 'office.scan.signedAt', scan: 'office.scan.file' }),
    (command, data) => recordScanSignatures(services.db, { ...command, ...data, file: data.scan }, services.clock, services),
    { input: (req: Request, res: Response) => ({ ...(req.body ?? {}), scan: res.locals.uploadError ?? req.file }) },
  );
  return [
    async (req, res, next) => {
      res.locals.uploadError = await receiveScan(req, res);
      next();
    },
    run,
  ];
}
