import { z } from 'zod';
import { idSchema } from '../../../shared/ids';
import { civility, email, phone, requiredText } from '../../../shared/formFields';
import { defineForm, fieldLabels } from '../../../shared/validate';

const newContact = z.object({
  choice: z.literal('new'),
  civility: civility(),
  firstName: requiredText(100),
  lastName: requiredText(100),
  function: requiredText(150),
  email: email(),
  phone: phone(),
});

const existing = z.object({ choice: idSchema() });

export type ContactChoice = { contactId: number } | { create: Omit<z.infer<typeof newContact>, 'choice'> };

/** One of the host's contacts, or a new one: used for the professional tutor and for the signatory. */
export const contactSchema = z.custom<unknown>().transform((body, context): ContactChoice => {
  if ((body as { choice?: unknown })?.choice === 'new') {
    const parsed = newContact.safeParse(body);
    if (parsed.success) {
      const { choice: _choice, ...create } = parsed.data;
      return { create };
    }
    parsed.error.issues.forEach((issue) => context.addIssue({ code: 'custom', path: issue.path, message: issue.message }));
    return z.NEVER;
  }
  const parsed = existing.safeParse(body);
  if (parsed.success) return { contactId: parsed.data.choice };
  parsed.error.issues.forEach((issue) => context.addIssue({ code: 'custom', path: issue.path, message: issue.message }));
  return z.NEVER;
});

export const contactForm = defineForm(
  contactSchema,
  fieldLabels('student.fields.', ['choice', 'civility', 'firstName', 'lastName', 'function', 'email', 'phone']),
);
