import { z } from 'zod';
import { defineForm } from '../shared/validate';

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

export const hostAttestationForm = defineForm(hostAttestationSchema, {
  effectiveHours: 'evaluation.host.hours',
  totalGratificationPaid: 'evaluation.host.amount',
  signedName: 'evaluation.host.signedName',
});

export const intentSchema = z.enum(['draft', 'submit']).catch('draft');
