import { z } from 'zod';

/** Checkboxes arrive as nothing, one value or several. */
export const selectedIds = () =>
  z.preprocess(
    (value) => (value === undefined || value === '' ? [] : [value].flat()),
    z.array(z.coerce.number().int().positive().max(2_147_483_647)).min(1, { error: 'programme.errors.selectStudents' }),
  );

export const bulkValidateSchema = z.object({ studentIds: selectedIds() });

export const bulkTutorSchema = z.object({
  studentIds: selectedIds(),
  tutor: z.string({ error: 'programme.errors.chooseTutor' }).regex(/^(teacher|user):\d{1,10}$/, { error: 'programme.errors.chooseTutor' }),
});
