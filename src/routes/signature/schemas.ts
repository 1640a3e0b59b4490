import { z } from 'zod';

/** 'Élodie  LE-GALL' and 'elodie le gall' are the same name: no case, accents, hyphens or extra spaces. */
export const comparable = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();

/** A signature from a link: the signatory's full name as the page shows it, the mailed code, the consent. */
export const signSchemaFor = (expectedName: string) =>
  z.object({
    fullName: z
      .string({ error: 'signature.error.nameRequired' })
      .trim()
      .min(1, 'signature.error.nameRequired')
      .max(200, 'signature.error.nameMismatch')
      .refine((value) => comparable(value) === comparable(expectedName), 'signature.error.nameMismatch'),
    code: z
      .string({ error: 'signature.error.codeFormat' })
      .trim()
      .regex(/^\d{6}$/, 'signature.error.codeFormat'),
    consent: z.literal('yes', { error: 'signature.error.consentRequired' }),
  });

export const refuseSchema = z.object({
  reason: z.string({ error: 'signature.error.reasonRequired' }).trim().min(3, 'signature.error.reasonRequired').max(2000),
});
