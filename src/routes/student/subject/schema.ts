import { z } from 'zod';
import { withinInternshipSpan } from '../../../domain/hours';
import { id, optionalDate, optionalText, requiredText } from '../../shared/formFields';

export const subjectSchema = z
  .object({
    programmeId: id(),
    title: requiredText(200),
    description: requiredText(4000),
    hostName: optionalText(200),
    approximateStart: optionalDate(),
    approximateEnd: optionalDate(),
  })
  .refine((subject) => !subject.approximateStart || !subject.approximateEnd || subject.approximateEnd >= subject.approximateStart, {
    error: 'student.errors.endBeforeStart',
    path: ['approximateEnd'],
  })
  .refine(
    (subject) =>
      !subject.approximateStart || !subject.approximateEnd || withinInternshipSpan(subject.approximateStart, subject.approximateEnd),
    {
      error: 'student.errors.internshipTooLong',
      path: ['approximateEnd'],
    },
  );

export type SubjectForm = z.infer<typeof subjectSchema>;
