import { z } from 'zod';
import { addYears, FIRST_PLAUSIBLE_YEAR, LAST_PLAUSIBLE_YEAR, type IsoDate } from '../../../../domain/calendarDate';
import { checkPostcode, civility, country, nir, optionalEmail, phone, requiredDate, requiredText } from '../../../shared/formFields';
import { crossChecks, defineForm, fieldLabels } from '../../../shared/validate';

const youngestAge = 14;
const oldestAge = 100;

/** '2026-2027': two consecutive years in the years Pstage deals with. */
const isAcademicYear = (value: string) => {
  const match = /^(\d{4})-(\d{4})$/.exec(value);
  const first = Number(match?.[1]);
  return Boolean(match) && Number(match![2]) === first + 1 && first >= FIRST_PLAUSIBLE_YEAR && first < LAST_PLAUSIBLE_YEAR;
};

/**
 * The student's own details; a date of birth is plausible when it gives an age of 14 to 100 on `today`. The
 * academic year is one of `academicYears` (those the internship's dates touch, once they are known).
 */
export const personalSchemaOn = (today: IsoDate, academicYears?: readonly string[]) =>
  z
    .object({
      civility: civility(),
      firstName: requiredText(100),
      lastName: requiredText(100),
      birthDate: requiredDate(
        (date) => date >= addYears(today, -oldestAge) && date <= addYears(today, -youngestAge),
        'student.errors.birthDate',
      ),
      street: requiredText(200),
      postalCode: requiredText(20),
      city: requiredText(100),
      country: country(),
      phone: phone().refine((value) => value !== null, { error: 'student.errors.required' }),
      personalEmail: optionalEmail(),
      healthInsuranceFund: requiredText(200),
      healthInsuranceAffiliation: nir(),
      academicYear: z
        .string({ error: 'student.errors.choose' })
        .refine(isAcademicYear, { error: 'student.errors.choose' })
        .refine((year) => !academicYears || academicYears.includes(year), { error: 'student.errors.academicYearOutsideDates' }),
    })
    .superRefine(
      ...crossChecks<{ country: string; postalCode: string; city: string }>(({ form, parsed, issue }) => {
        if (parsed('country', 'postalCode')) checkPostcode(form, issue);
      }),
    );

/** The fields of the personal step, in the page's order. */
export const personalLabels = fieldLabels('student.fields.', [
  'civility',
  'firstName',
  'lastName',
  'birthDate',
  'street',
  'postalCode',
  'city',
  'country',
  'phone',
  'personalEmail',
  'healthInsuranceFund',
  'healthInsuranceAffiliation',
  'academicYear',
]);

const forms = new Map<string, ReturnType<typeof definePersonalForm>>();
const definePersonalForm = (today: IsoDate, academicYears?: readonly string[]) =>
  defineForm(personalSchemaOn(today, academicYears), personalLabels);

/**
 * The personal step's form on `today` for these academic years, built once for each (a zod schema is costly to
 * build, and every page and post of the step asks for it). A few a day: the cache starts afresh beyond a hundred.
 */
export const personalFormOn = (today: IsoDate, academicYears?: readonly string[]) => {
  const key = `${today}/${academicYears ? academicYears.join(',') : '-'}`;
  let form = forms.get(key);
  if (!form) {
    if (forms.size >= 100) forms.clear();
    forms.set(key, (form = definePersonalForm(today, academicYears)));
  }
  return form;
};
