import { z } from 'zod';
import { createOrganisationForm } from '../../../student/convention/organisation/schema';
export { headcountBands } from '../../../student/convention/organisation/schema';
import { id } from '../../../shared/formFields';
import { defineForm, fieldLabels } from '../../../shared/validate';

/** The office corrects a host's record with the same rules as the student who created it, its fields in the same order. */
export const organisationEditForm = defineForm(
  createOrganisationForm.schema,
  fieldLabels('officeAdmin.fields.', Object.keys(createOrganisationForm.labels)),
);

export const organisationSearchSchema = z.object({
  name: z.string().trim().max(200).optional(),
  siret: z.string().trim().max(20).optional(),
  city: z.string().trim().max(100).optional(),
  country: z.string().trim().max(60).optional(),
});

/** The page's candidate and, from the radio buttons, which of the two records survives. */
export const mergeSchema = z.object({ candidateId: id(), survivorId: id() });
