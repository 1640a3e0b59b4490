import { z } from 'zod';
import { MAX_TUTOR_DAYS_BEFORE } from '../../../domain/evaluationDefaults';
import { required } from '../../shared/formFields';
import { defineForm, fieldLabels } from '../../shared/validate';

/** '' is the shipped default template; otherwise the id of one of the office's templates. */
const templateChoice = z
  .string({ error: required })
  .trim()
  .refine((value) => value === '' || /^\d{1,9}$/.test(value), { error: 'evaluation.settings.errors.template' })
  .transform((value) => (value === '' ? null : Number(value)));

/** An unticked checkbox posts nothing. */
const checkbox = z.preprocess((value) => [value].flat().includes('yes'), z.boolean());

export const evaluationSettingsSchema = z.object({
  tutorTemplateId: templateChoice,
  studentTemplateId: templateChoice,
  referentTemplateId: templateChoice,
  tutorDaysBefore: z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .refine((value) => /^\d{1,3}$/.test(value), { error: 'evaluation.settings.errors.days', abort: true })
    .transform(Number)
    .refine((days) => days >= 0 && days <= MAX_TUTOR_DAYS_BEFORE, { error: 'evaluation.settings.errors.days' }),
  internSeesTutorEvaluation: checkbox,
  shareHostRatings: checkbox,
  postGrade: checkbox,
});

export const evaluationSettingsFields = [
  'tutorTemplateId',
  'studentTemplateId',
  'referentTemplateId',
  'tutorDaysBefore',
  'internSeesTutorEvaluation',
  'shareHostRatings',
  'postGrade',
] as const;

export const evaluationSettingsForm = defineForm(
  evaluationSettingsSchema,
  fieldLabels('evaluation.settings.fields.', evaluationSettingsFields),
);
