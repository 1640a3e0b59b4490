import { z } from 'zod';
import { isIsoDate, isPlausibleDate } from '../../domain/calendarDate';

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

export const phone = () =>
  optionalText(30).refine((value) => value === null || /^[+\d][\d .-]{5,}$/.test(value), { error: 'student.errors.phone' });

export const civility = () => z.enum(['M.', 'Mme', 'Mx'], { error: 'student.errors.choose' });

export const yesNo = () => z.enum(['yes', 'no'], { error: 'student.errors.choose' }).transform((value) => value === 'yes');

export { idSchema as id } from '../shared/ids';
