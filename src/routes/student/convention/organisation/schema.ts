import { z } from 'zod';
import { normaliseIdentifier, siretProblem } from '../../../../domain/siret';
import { id, optionalEmail, optionalText, phone, requiredText } from '../../../shared/formFields';

export const headcountBands = ['0', '1-9', '10-19', '20-49', '50-249', '250-4999', '5000+'] as const;

export const chooseOrganisationSchema = z.object({ organisationId: id() });

/** A French host needs a SIRET whose checksum holds; a host abroad has none. */
export const createOrganisationSchema = z
  .object({
    name: requiredText(200),
    country: requiredText(60).transform((value) => value.toUpperCase()),
    siret: optionalText(20).transform((value) => (value ? normaliseIdentifier(value) : null)),
    naf: optionalText(10).refine((value) => value === null || /^\d{2}\.?\d{2}[A-Za-z]$/.test(value), { error: 'student.errors.naf' }),
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
  .superRefine((organisation, context) => {
    if (organisation.country !== 'FR') return;
    if (!organisation.siret) {
      context.addIssue({ code: 'custom', path: ['siret'], message: 'student.errors.siretRequired' });
      return;
    }
    const problem = siretProblem(organisation.siret);
    if (problem) context.addIssue({ code: 'custom', path: ['siret'], message: `student.errors.siret.${problem}` });
  });

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
