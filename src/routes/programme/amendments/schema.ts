import { z } from 'zod';
import { defineForm, fieldLabels } from '../../shared/validate';

/** The programme head's answer to an amendment that changes the subject or the academic referent. */
export const agreementForm = defineForm(
  z
    .object({
      decision: z.enum(['agreed', 'refused'], { error: 'amendment.errors.chooseAnswer' }),
      comment: z
        .string()
        .trim()
        .max(2000, { error: 'office.errors.tooLong' })
        .optional()
        .transform((value) => value || null),
    })
    .refine((form) => form.decision !== 'refused' || form.comment !== null, {
      error: 'amendment.errors.commentRequired',
      path: ['comment'],
    }),
  fieldLabels('amendment.fields.', ['decision', 'comment']),
);
