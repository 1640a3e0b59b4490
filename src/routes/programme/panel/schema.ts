import { z } from 'zod';
import { idSchema, parseId } from '../../shared/ids';

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
