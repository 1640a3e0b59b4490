import { z } from 'zod';
import { isIsoDate } from '../../../../domain/calendarDate';
import { conventionStates } from '../../../../domain/workflow';
import { parseId } from '../../../shared/ids';
import { crossChecks, defineForm, fieldLabels } from '../../../shared/validate';

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: 'student.errors.tooLong' })
    .optional()
    .transform((value) => value || undefined);

const optionalDate = () => optional(10).refine((value) => !value || isIsoDate(value), { error: 'student.errors.date' });

/** The internship database's filter, read from the query string (the same for the page and its CSV export). */
const internshipFilterFields = z.object({
  academicYear: optional(9).refine((value) => !value || /^\d{4}-\d{4}$/.test(value), { error: 'officeAdmin.errors.academicYear' }),
  // An id is an int4 column: a number beyond it would make the query fail rather than find nothing.
  programmeId: optional(10)
    .refine((value) => !value || parseId(value) !== undefined, { error: 'student.errors.choose' })
    .transform((value) => (value ? Number(value) : undefined)),
  state: z
    .union(
      [z.literal(''), z.enum(conventionStates.filter((state) => state !== 'draft') as ['submitted'], { error: 'student.errors.choose' })],
      { error: 'student.errors.choose' },
    )
    .optional()
    .transform((value) => value || undefined),
  country: optional(60),
  host: optional(200),
  gratified: z
    .enum(['', 'yes', 'no'], { error: 'student.errors.choose' })
    .optional()
    .transform((value) => (value === 'yes' ? true : value === 'no' ? false : undefined)),
  startFrom: optionalDate(),
  startTo: optionalDate(),
  student: optional(200),
});

type InternshipFilterFields = z.output<typeof internshipFilterFields>;

export const internshipFilterSchema = internshipFilterFields.superRefine(
  ...crossChecks<InternshipFilterFields>(({ form, parsed, issue }) => {
    if (parsed('startFrom', 'startTo') && form.startFrom && form.startTo && form.startTo < form.startFrom)
      issue('startTo', 'officeAdmin.errors.startRange');
  }),
);

/** The filter's fields in the page's order, each named by its label. */
export const internshipFilterForm = defineForm(
  internshipFilterSchema,
  fieldLabels('officeAdmin.fields.', [
    'academicYear',
    'programmeId',
    'state',
    'gratified',
    'student',
    'host',
    'country',
    'startFrom',
    'startTo',
  ]),
);
