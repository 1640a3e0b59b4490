import { z } from 'zod';
import { normaliseIdentifier, siretProblem } from '../../../../domain/siret';
import { checkPostcode, country, id, naf, optionalEmail, optionalText, phone, requiredText } from '../../../shared/formFields';
import { crossChecks, defineForm, fieldLabels } from '../../../shared/validate';

export const headcountBands = ['0', '1-9', '10-19', '20-49', '50-249', '250-4999', '5000+'] as const;

export const chooseOrganisationForm = defineForm(z.object({ organisationId: id() }), {
  organisationId: 'student.organisation.resultsTitle',
});

/** A French host needs a SIRET whose checksum holds and a French postcode; a host abroad has neither. */
export const createOrganisationSchema = z
  .object({
    name: requiredText(200),
    country: country(),
    siret: optionalText(20).transform((value) => (value ? normaliseIdentifier(value) : null)),
    naf: naf(),
    legalStatus: optionalText(100),
    headcountBand: z.enum(headcountBands, { error: 'student.errors.choose' }),
    sector: z.enum(['public', 'private'], { error: 'student.errors.choose' }),
    street: requiredText(200),
    postalCode: requiredText(20),
    city: requiredText(100),
    phone: phone(),
    email: optionalEmail(),
    website: optionalText(200),
    /** Ticked once the proposed look-alike records were shown: none of them is the student's host. */
    notDuplicate: z.literal('yes').optional(),
  })
  .superRefine(
    ...crossChecks<{ country: string; siret: string | null; postalCode: string; city: string }>(({ form, parsed, issue }) => {
      if (!parsed('country') || form.country !== 'FR') return;
      if (parsed('postalCode')) checkPostcode(form, issue);
      if (!parsed('siret')) return;
      if (!form.siret) return issue('siret', 'student.errors.siretRequired');
      const problem = siretProblem(form.siret);
      if (problem) issue('siret', `student.errors.siret.${problem}`);
    }),
  );

export const createOrganisationForm = defineForm(
  createOrganisationSchema,
  fieldLabels('student.fields.', [
    'name',
    'country',
    'siret',
    'naf',
    'legalStatus',
    'headcountBand',
    'sector',
    'street',
    'postalCode',
    'city',
    'phone',
    'email',
    'website',
  ]),
);

export const searchSchema = z.object({
  name: z.string().trim().max(200).optional(),
  siret: z.string().trim().max(20).optional(),
  place: z.string().trim().max(100).optional(),
  country: z.string().trim().max(60).optional(),
});

/** The national register's search (a SIRET, a SIREN or a name, and a place), and the establishment picked from it. */
export const registerSearchSchema = z.object({
  lookup: z.string().trim().max(200).optional(),
  lookupPlace: z.string().trim().max(100).optional(),
  pick: z.string().trim().max(20).optional(),
});
