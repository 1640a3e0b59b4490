import { z } from 'zod';
import { idSchema, parseId } from '../../shared/ids';
import { defineForm } from '../../shared/validate';

/** Checkboxes arrive as nothing, one value or several. */
export const selectedIds = () =>
  z.preprocess(
    (value) => (value === undefined || value === '' ? [] : [value].flat()),
    z.array(idSchema('programme.errors.selectStudents')).min(1, { error: 'programme.errors.selectStudents' }),
  );

export const bulkValidateSchema = z.object({ studentIds: selectedIds() });

export const bulkTutorSchema = z.object({
  studentIds: selectedIds(),
  tutor: z
    .string({ error: 'programme.errors.chooseTutor' })
    .refine((value) => /^(teacher|user):\d+$/.test(value) && parseId(value.split(':')[1]) !== undefined, {
      error: 'programme.errors.chooseTutor',
    }),
});

/** The bulk forms of the panel (one form, two buttons), their fields named as the page names them, in its order. */
const bulkLabels = { studentIds: 'programme.list.caption', tutor: 'programme.list.tutorChoice' } as const;
export const bulkValidateForm = defineForm(bulkValidateSchema, { studentIds: bulkLabels.studentIds });
export const bulkTutorForm = defineForm(bulkTutorSchema, bulkLabels);
