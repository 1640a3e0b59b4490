import { z } from 'zod';
import { withinInternshipSpan } from '../../../domain/hours';
import { id, optionalDate, optionalText, requiredText } from '../../shared/formFields';
import { crossChecks, defineForm, fieldLabels } from '../../shared/validate';

const subjectFields = z.object({
  programmeId: id(),
  title: requiredText(200),
  description: requiredText(4000),
  hostName: optionalText(200),
  approximateStart: optionalDate(),
  approximateEnd: optionalDate(),
});

type SubjectFields = z.output<typeof subjectFields>;

/** The dates' checks run in the same pass as the fields' own (a missing title no longer hides an end before the start). */
export const subjectSchema = subjectFields.superRefine(
  ...crossChecks<SubjectFields>(({ form, parsed, issue }) => {
    if (!parsed('approximateStart', 'approximateEnd') || !form.approximateStart || !form.approximateEnd) return;
    if (form.approximateEnd < form.approximateStart) issue('approximateEnd', 'student.errors.endBeforeStart');
    else if (!withinInternshipSpan(form.approximateStart, form.approximateEnd)) issue('approximateEnd', 'student.errors.internshipTooLong');
  }),
);

/** The subject form's fields in the page's order, each named by its label. */
export const subjectForm = defineForm(
  subjectSchema,
  fieldLabels('student.fields.', ['programmeId', 'title', 'description', 'hostName', 'approximateStart', 'approximateEnd']),
);

export type SubjectForm = z.infer<typeof subjectSchema>;
