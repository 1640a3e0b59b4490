import { formatAmount, formatDate, formatDateTime, formatMonth, formatNumber } from '../../../format';

/** Dates, amounts and numbers in the office's views, in the interface's language. */
export function viewFormat(locale: string) {
  return {
    date: (iso: string | null | undefined) => formatDate(iso, locale),
    dateTime: (value: Date | string | null | undefined) => formatDateTime(value, locale),
    month: (isoMonth: string) => formatMonth(isoMonth, locale),
    amount: (value: number | null | undefined) => formatAmount(value, locale),
    number: (value: number | null | undefined, digits = 1) => formatNumber(value, locale, digits),
  };
}
