import { z } from 'zod';

export const decisionSchema = z
  .object({
    decision: z.enum(['validate', 'reject'], { error: 'programme.errors.chooseDecision' }),
    comment: z
      .string()
      .trim()
      .max(2000, { error: 'programme.errors.tooLong' })
      .optional()
      .transform((value) => value ?? ''),
  })
  .refine((form) => form.decision !== 'reject' || form.comment.length > 0, {
    error: 'programme.errors.commentRequired',
    path: ['comment'],
  });
