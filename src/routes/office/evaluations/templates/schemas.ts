import { z } from 'zod';
import { questionnaireKinds } from '../../../../domain/evaluationDefaults';
import type { LocalisedText, QuestionKind } from '../../../../domain/evaluationTemplate';
import { required, requiredText } from '../../../shared/formFields';
import { crossChecks, defineForm, fieldLabels } from '../../../shared/validate';

export const questionKinds: readonly QuestionKind[] = ['likert', 'yesNo', 'single', 'multiple', 'text'];

const yesNo = z.enum(['yes', 'no'], { error: 'evaluation.errors.yesNo' }).transform((value) => value === 'yes');
const toText = (fr: string, en: string): LocalisedText => ({ fr, en });

export const MAX_CHOICES = 20;

/** One choice a line, "French | English" (a line without "|" is used in both languages). */
const choicesText = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map((line) => {
        const [fr, en] = line.split('|').map((part) => part.trim());
        return { fr, en: en || fr };
      }),
  )
  .refine((choices) => choices.length <= MAX_CHOICES, { error: 'evaluation.templates.errors.tooManyChoices' })
  .refine((choices) => choices.every((choice) => choice.fr !== '' && choice.fr.length <= 200 && choice.en.length <= 200), {
    error: 'evaluation.templates.errors.choice',
  });

export const questionSchema = z
  .object({
    kind: z.enum(questionKinds as [QuestionKind, ...QuestionKind[]], { error: 'evaluation.templates.errors.kind' }),
    labelFr: requiredText(300),
    labelEn: requiredText(300),
    required: yesNo,
    choices: choicesText,
    grade: yesNo.optional().default(false),
  })
  .superRefine(
    ...crossChecks<{ kind: QuestionKind; choices: LocalisedText[]; grade: boolean }>(({ form, parsed, issue }) => {
      const choosing = form.kind === 'single' || form.kind === 'multiple';
      if (parsed('kind', 'choices') && choosing && form.choices.length < 2) issue('choices', 'evaluation.templates.errors.twoChoices');
      if (parsed('kind', 'grade') && form.grade && form.kind !== 'likert') issue('grade', 'evaluation.errors.gradeNotLikert');
    }),
  )
  .transform((form) => ({
    kind: form.kind,
    label: toText(form.labelFr, form.labelEn),
    required: form.required,
    choices: form.kind === 'single' || form.kind === 'multiple' ? form.choices : [],
    grade: form.grade,
  }));

export const questionForm = defineForm(
  questionSchema,
  fieldLabels('evaluation.templates.fields.', ['kind', 'labelFr', 'labelEn', 'required', 'choices', 'grade']),
);

const titleSchema = z
  .object({ titleFr: requiredText(300), titleEn: requiredText(300) })
  .transform((form) => toText(form.titleFr, form.titleEn));
export const titleForm = defineForm(titleSchema, fieldLabels('evaluation.templates.fields.', ['titleFr', 'titleEn']));

const sectionSchema = z
  .object({ sectionFr: requiredText(300), sectionEn: requiredText(300) })
  .transform((form) => toText(form.sectionFr, form.sectionEn));
export const sectionForm = defineForm(sectionSchema, fieldLabels('evaluation.templates.fields.', ['sectionFr', 'sectionEn']));

export const newTemplateForm = defineForm(
  z
    .object({
      kind: z.enum(questionnaireKinds as ['tutor', 'student', 'referent'], { error: 'evaluation.templates.errors.questionnaireKind' }),
      copyOf: z
        .string({ error: required })
        .trim()
        .refine((value) => value === '' || /^\d{1,9}$/.test(value), { error: 'evaluation.templates.errors.copyOf' })
        .transform((value) => (value === '' ? null : Number(value))),
      titleFr: requiredText(300),
      titleEn: requiredText(300),
    })
    .transform((form) => ({ kind: form.kind, copyOf: form.copyOf, title: toText(form.titleFr, form.titleEn) })),
  fieldLabels('evaluation.templates.fields.', ['kind', 'copyOf', 'titleFr', 'titleEn']),
);

export const moveSchema = z.enum(['up', 'down']).catch('up');
