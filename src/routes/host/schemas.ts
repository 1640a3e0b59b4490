import { z } from 'zod';
import { comparable } from '../signature/schemas';
import { crossChecks, defineForm } from '../shared/validate';

const amount = (max: number, error: string) =>
  z
    .string({ error })
    .transform((value) => value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'))
    .pipe(
      z
        .string()
        .regex(/^\d+(\.\d{1,2})?$/, { error })
        .transform(Number)
        .pipe(z.number().max(max, { error })),
    );

/** The host's attestation: presence in hours (> 0), the total gratification paid (0 when none), the typed name. */
export const hostAttestationSchema = z.object({
  effectiveHours: amount(5000, 'evaluation.errors.hours').refine((hours) => hours > 0, { error: 'evaluation.errors.hours' }),
  totalGratificationPaid: amount(1_000_000, 'evaluation.errors.amount'),
  signedName: z
    .string({ error: 'evaluation.errors.name' })
    .trim()
    .min(3, { error: 'evaluation.errors.name' })
    .max(200, { error: 'evaluation.errors.name' }),
});

export const intentSchema = z.enum(['draft', 'submit']).catch('draft');

/** The file part of the form, or the upload's error key (too large, several files) that replaced it. */
const scanFile = z.unknown().transform((value) => {
  if (typeof value === 'string') return { error: value };
  if (!value) return null;
  const file = value as Express.Multer.File;
  return { filename: file.originalname, bytes: file.buffer };
});

/**
 * The attestation as the host signs it, in one pass: the figures, their full name as the space knows it, and the
 * mailed code or a signed scan. Asking for the code (`intent=code`) checks nothing.
 */
export const signedAttestationSchemaFor = (expectedName: string) =>
  hostAttestationSchema
    .extend({
      signedName: z
        .string({ error: 'evaluation.errors.name' })
        .trim()
        .min(3, { error: 'evaluation.errors.name' })
        .max(200, { error: 'signature.error.nameMismatch' })
        .refine((value) => comparable(value) === comparable(expectedName), 'signature.error.nameMismatch'),
      method: z.enum(['code', 'scan'], { error: 'evaluation.errors.method' }),
      code: z.string().trim().optional(),
      scan: scanFile,
    })
    .superRefine(
      ...crossChecks<{ method: string; code?: string; scan: { error: string } | { filename: string; bytes: Buffer } | null }>(
        ({ form, parsed, issue }) => {
          if (!parsed('method')) return;
          if (form.method === 'code' && !/^\d{6}$/.test(form.code ?? '')) issue('code', 'signature.error.codeFormat');
          if (form.method === 'scan' && (!form.scan || 'error' in form.scan))
            issue('scan', form.scan?.error ?? 'evaluation.errors.scanMissing');
        },
      ),
    )
    .transform(({ method, code, scan, ...figures }) => ({
      ...figures,
      signature: method === 'code' ? { method, code: code! } : { method, file: scan as { filename: string; bytes: Buffer } },
    }));

export const signedAttestationFormFor = (expectedName: string) =>
  defineForm(signedAttestationSchemaFor(expectedName), {
    effectiveHours: 'evaluation.host.hours',
    totalGratificationPaid: 'evaluation.host.amount',
    signedName: 'evaluation.host.signedName',
    method: 'evaluation.host.method',
    code: 'evaluation.host.code',
    scan: 'evaluation.host.scan',
  });
