import { z } from 'zod';
import { isIsoDate, isPlausibleDate } from '../../domain/calendarDate';
import { countryCodeOf } from '../../domain/formats/countries';
import { normaliseNaf } from '../../domain/formats/naf';
import { nirProblem, normaliseNir } from '../../domain/formats/nir';
import { normalisePhone } from '../../domain/formats/phone';
import { frenchPostcodeProblem } from '../../domain/formats/postcode';

/** Building blocks of the student forms; every message is an i18n key shown next to the field and in the summary. */
export const required = 'student.errors.required';

export const requiredText = (max = 200) =>
  z.string({ error: required }).trim().min(1, { error: required }).max(max, { error: 'student.errors.tooLong' });

export const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, { error: 'student.errors.tooLong' })
    .optional()
    .transform((value) => (value ? value : null));

/** A calendar date; unless said otherwise, between 2000 and 2100 (a year 0100 or 9999 is a typing mistake or a forgery). */
export const requiredDate = (plausible: (date: string) => boolean = isPlausibleDate, outOfRange = 'student.errors.dateOutOfRange') =>
  z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .refine(isIsoDate, { error: 'student.errors.date', abort: true })
    .refine(plausible, { error: outOfRange });

export const optionalDate = () =>
  z
    .string()
    .trim()
    .optional()
    .refine((value) => !value || isIsoDate(value), { error: 'student.errors.date', abort: true })
    .refine((value) => !value || isPlausibleDate(value), { error: 'student.errors.dateOutOfRange' })
    .transform((value) => (value ? value : null));

const decimalText = /^\d+([.,]\d{1,2})?$/;

/** '4,50' and '4.50' are both 4.5. */
export const optionalDecimal = (max: number) =>
  z
    .string()
    .trim()
    .optional()
    .refine((value) => !value || decimalText.test(value), { error: 'student.errors.number' })
    .transform((value) => (value ? Number(value.replace(',', '.')) : null))
    .refine((value) => value === null || value <= max, { error: 'student.errors.tooLarge' });

export const requiredDecimal = (max: number) =>
  optionalDecimal(max)
    .refine((value) => value !== null, { error: required })
    .transform((value) => value as number);

export const email = () => requiredText(254).pipe(z.email({ error: 'student.errors.email' }));
export const optionalEmail = () =>
  optionalText(254).refine((value) => value === null || z.email().safeParse(value).success, { error: 'student.errors.email' });

export const civility = () => z.enum(['M.', 'Mme', 'Mx'], { error: 'student.errors.choose' });

export const yesNo = () => z.enum(['yes', 'no'], { error: 'student.errors.choose' }).transform((value) => value === 'yes');

export { idSchema as id } from '../shared/ids';

/** A phone number of any country, normalised (see `normalisePhone`); French numbers may be typed without +33. */
export const phone = () =>
  optionalText(30)
    .refine((value) => value === null || normalisePhone(value) !== null, { error: 'student.errors.phone' })
    .transform((value) => (value === null ? null : normalisePhone(value)!));

/** A country picked from the ISO 3166 list; a name typed by an older page ('France') is read as its code. */
export const country = () =>
  z
    .string({ error: 'student.errors.country' })
    .trim()
    .refine((value) => countryCodeOf(value) !== null, { error: 'student.errors.country' })
    .transform((value) => countryCodeOf(value)!);

/** The French social-security number, stored without spaces. */
export const nir = () =>
  requiredText(30)
    .superRefine((value, context) => {
      const problem = nirProblem(value);
      if (problem) context.addIssue({ code: 'custom', message: `student.errors.nir.${problem}` });
    })
    .transform(normaliseNir);

/** An optional NAF/APE code, stored as 62.01Z. */
export const naf = () =>
  optionalText(10)
    .refine((value) => value === null || normaliseNaf(value) !== null, { error: 'student.errors.naf' })
    .transform((value) => (value === null ? null : normaliseNaf(value)));

/**
 * The postcode of an address whose country is in the same form: in France 5 digits that agree with the city where
 * that is certain (see `frenchPostcodeProblem`); abroad any text. Call it in the form's `superRefine`, `whenParsed`.
 */
export function checkPostcode(
  address: { country?: unknown; postalCode?: unknown; city?: unknown },
  addIssue: (field: string, message: string) => void,
  field = 'postalCode',
) {
  if (address.country !== 'FR' || typeof address.postalCode !== 'string' || !address.postalCode) return;
  const problem = frenchPostcodeProblem(address.postalCode, typeof address.city === 'string' ? address.city : null);
  if (problem) addIssue(field, `student.errors.postcode.${problem}`);
}
