import { formatDate, formatSpreadsheetNumber } from '../format';
/**
 * CSV that French Excel opens correctly: UTF-8 with a byte-order mark (or Excel guesses Windows-1252),
 * `;` between cells (the comma is the decimal separator in fr-FR), CRLF between rows.
 */
export const csvByteOrderMark = '\uFEFF';
export const csvSeparator = ';';
export const csvLineEnd = '\r\n';

export type CsvValue = string | number | null | undefined;

/** A cell is quoted when it holds the separator, a quote or a line break; quotes inside are doubled. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: CsvValue[]): string {
  return values.map(csvCell).join(csvSeparator) + csvLineEnd;
}

/** '2027-03-02' → '02/03/2027' (JJ/MM/AAAA); anything that is not a date stays empty. */
export function frenchDate(isoDate: string | null | undefined): string {
  return /^\d{4}-\d{2}-\d{2}/.test(isoDate ?? '') ? formatDate(isoDate, 'fr') : '';
}

/** 4.5 → '4,50'; no thousands separator, so Excel reads it as a number. */
export function frenchAmount(amount: number | null | undefined): string {
  return formatSpreadsheetNumber(amount, 2);
}

/** 616 → '616', 12.5 → '12,5': at most two decimals, comma separator. */
export function frenchNumber(value: number | null | undefined): string {
  return formatSpreadsheetNumber(value);
}
