import { z } from 'zod';
import { required } from '../../shared/formFields';
import { defineForm, fieldLabels } from '../../shared/validate';

/** The internship types a programme may offer; the student's internship step lists the ones chosen, in this order. */
export const internshipTypeChoices = ['compulsory', 'optional'] as const;

/** The most a yearly teaching volume can sensibly be (a full-time year is about 600 to 1,000 h). */
export const maxTeachingHours = 3000;

const wholeHours = /^\d{1,5}$/;

export const programmeSettingsSchema = z.object({
  teachingHours: z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .refine((value) => wholeHours.test(value.replace(/\s/g, '')), { error: 'programme.settings.errors.wholeHours' })
    .transform((value) => Number(value.replace(/\s/g, '')))
    .refine((value) => value <= maxTeachingHours, { error: 'programme.settings.errors.tooManyHours' }),
  internshipTypes: z.preprocess(
    (value) => (value === undefined || value === '' ? [] : [value].flat()),
    z
      .array(z.enum(internshipTypeChoices, { error: 'student.errors.choose' }))
      .min(1, { error: 'programme.settings.errors.noType' })
      .transform((types) => internshipTypeChoices.filter((choice) => types.includes(choice))),
  ),
});

export const programmeSettingsForm = defineForm(
  programmeSettingsSchema,
  fieldLabels('programme.settings.fields.', ['teachingHours', 'internshipTypes']),
);

export type ProgrammeSettings = z.infer<typeof programmeSettingsSchema>;
