import { z } from 'zod';

export const signSchema = z.object({
  consent: z.literal('yes', { error: 'signature.error.consentRequired' }),
});

export const refuseSchema = z.object({
  reason: z.string({ error: 'signature.error.reasonRequired' }).trim().min(3, 'signature.error.reasonRequired').max(2000),
});
