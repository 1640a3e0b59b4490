import { z } from 'zod';
import { civility, email, requiredText } from '../../shared/formFields';
import { defineForm, fieldLabels } from '../../shared/validate';

export const teacherSchema = z.object({
  civility: civility(),
  firstName: requiredText(100),
  lastName: requiredText(100),
  email: email(),
});

export const teacherForm = defineForm(
  teacherSchema,
  fieldLabels('programme.tutors.fields.', ['civility', 'firstName', 'lastName', 'email']),
);
