import { z } from 'zod';
import { checkPostcode, civility, country, email, phone, requiredText } from '../../../shared/formFields';
import { crossChecks, defineForm, fieldLabels } from '../../../shared/validate';

/** The legal representative of a minor student: a party, so their identity and how to reach them. */
export const legalRepresentativeSchema = z
  .object({
    civility: civility(),
    firstName: requiredText(100),
    lastName: requiredText(100),
    email: email(),
    phone: phone(),
    street: requiredText(200),
    postalCode: requiredText(20),
    city: requiredText(100),
    country: country(),
  })
  .superRefine(
    ...crossChecks<{ country: string; postalCode: string; city: string }>(({ form, parsed, issue }) => {
      if (parsed('country', 'postalCode')) checkPostcode(form, issue);
    }),
  );

export const legalRepresentativeForm = defineForm(
  legalRepresentativeSchema,
  fieldLabels('student.fields.', ['civility', 'firstName', 'lastName', 'email', 'phone', 'street', 'postalCode', 'city', 'country']),
);
