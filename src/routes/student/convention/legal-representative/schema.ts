import { z } from 'zod';
import { civility, email, phone, requiredText } from '../../../shared/formFields';

/** The legal representative of a minor student: a party, so their identity and how to reach them. */
export const legalRepresentativeSchema = z.object({
  civility: civility(),
  firstName: requiredText(100),
  lastName: requiredText(100),
  email: email(),
  phone: phone(),
  street: requiredText(200),
  postalCode: requiredText(20),
  city: requiredText(100),
  country: requiredText(60),
});
