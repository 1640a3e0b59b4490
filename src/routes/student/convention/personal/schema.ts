import { z } from 'zod';
import { civility, optionalEmail, phone, requiredDate, requiredText } from '../../../shared/formFields';

export const personalSchema = z.object({
  civility: civility(),
  firstName: requiredText(100),
  lastName: requiredText(100),
  birthDate: requiredDate(),
  street: requiredText(200),
  postalCode: requiredText(20),
  city: requiredText(100),
  country: requiredText(60),
  phone: phone().refine((value) => value !== null, { error: 'student.errors.required' }),
  personalEmail: optionalEmail(),
  healthInsuranceFund: requiredText(200),
  healthInsuranceAffiliation: requiredText(200),
  academicYear: z.string({ error: 'student.errors.choose' }).regex(/^\d{4}-\d{4}$/, { error: 'student.errors.choose' }),
});
