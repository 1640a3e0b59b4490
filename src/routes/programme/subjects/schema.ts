import { z } from 'zod';
import { crossChecks, defineForm } from '../../shared/validate';

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
  .superRefine(
    ...crossChecks<{ decision: string; comment: string }>(({ form, parsed, issue }) => {
      if (parsed('decision', 'comment') && form.decision === 'reject' && !form.comment)
        issue('comment', 'programme.errors.commentRequired');
    }),
  );

/** The programme head's decision on a subject, its fields named as the page names them. */
export const decisionForm = defineForm(decisionSchema, {
  decision: 'programme.subject.decisionLegend',
  comment: 'programme.subject.fields.comment',
});
