import { frenchAmount, frenchDate } from '../../../domain/csv';

/** Dates and amounts in the views: fr-FR style for French, ISO-like dates for English. */
export function viewFormat(locale: string) {
  const timeZone = 'Europe/Paris';
  const dateTime = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { timeZone, dateStyle: 'short', timeStyle: 'short' });
  return {
    date: (iso: string | null | undefined) => (locale === 'en' ? (iso ?? '') : frenchDate(iso)),
    dateTime: (value: Date | string | null | undefined) => (value ? dateTime.format(new Date(value)) : ''),
    amount: (value: number | null | undefined) => (value === null || value === undefined ? '' : locale === 'en' ? value.toFixed(2) : frenchAmount(value)),
    number: (value: number | null | undefined, digits = 1) =>
      value === null || value === undefined ? '' : new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: digits }).format(value),
  };
}
