import { z } from 'zod';
import { idSchema } from '../../../shared/ids';
import { optionalText, requiredText, yesNo } from '../../../shared/formFields';
import { crossChecks, defineForm, fieldLabels } from '../../../shared/validate';

const newService = z
  .object({
    choice: z.literal('new'),
    name: requiredText(200),
    sameAddress: yesNo(),
    street: optionalText(200),
    postalCode: optionalText(20),
    city: optionalText(100),
  })
  .superRefine(
    ...crossChecks<{ sameAddress: boolean; street: string | null; postalCode: string | null; city: string | null }>(
      ({ form, parsed, issue }) => {
        if (!parsed('sameAddress') || form.sameAddress) return;
        for (const field of ['street', 'postalCode', 'city'] as const) {
          if (parsed(field) && !form[field]) issue(field, 'student.errors.required');
        }
      },
    ),
  );

const existingService = z.object({ choice: idSchema() });

export type ServiceChoice =
  | { serviceId: number }
  | { create: { name: string; sameAddress: boolean; street: string | null; postalCode: string | null; city: string | null } };

/** Either one of the host's services, or a new one with its own address when it is not the host's. */
export const serviceSchema = z.custom<unknown>().transform((body, context): ServiceChoice => {
  if ((body as { choice?: unknown })?.choice === 'new') {
    const parsed = newService.safeParse(body);
    if (parsed.success) {
      const { name, sameAddress, street, postalCode, city } = parsed.data;
      return {
        create: {
          name,
          sameAddress,
          street: sameAddress ? null : street,
          postalCode: sameAddress ? null : postalCode,
          city: sameAddress ? null : city,
        },
      };
    }
    parsed.error.issues.forEach((issue) => context.addIssue({ code: 'custom', path: issue.path, message: issue.message }));
    return z.NEVER;
  }
  const parsed = existingService.safeParse(body);
  if (parsed.success) return { serviceId: parsed.data.choice };
  parsed.error.issues.forEach((issue) => context.addIssue({ code: 'custom', path: issue.path, message: issue.message }));
  return z.NEVER;
});

/** The service's own name is "Nom du service", not the host's "Raison sociale". */
export const serviceForm = defineForm(
  serviceSchema,
  fieldLabels('student.fields.', ['choice', 'name', 'sameAddress', 'street', 'postalCode', 'city'], { name: 'student.fields.serviceName' }),
);
