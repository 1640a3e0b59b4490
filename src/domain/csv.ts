import { formatDate, formatSpreadsheetNumber } from '../format';
/**
 * CSV that French Excel opens correctly: UTF-8 with a byte-order mark (or Excel guesses Windows-1252),
 * `;` between cells (the comma is the decimal separator in fr-FR), CRLF between rows.
 */
export const csvByteOrderMark = '\uFEFF';
export const csvSeparator = ';';
export const csvLineEnd = '\r\n';

/** `{ digits }`: a code that must stay text in a spreadsheet (a SIRET's 14 digits, a postcode's leading zero). */
export type CsvValue = string | number | null | undefined | { digits: string | null };

/** What a spreadsheet reads as the start of a formula (OWASP's list: =, +, -, @, tab, carriage return). */
const formulaStart = /^[=+\-@\t\r]/;
/** A plain decimal number, as we format amounts and hours ('-4,50', '616'): a spreadsheet reads it as a number, never a formula. */
const plainNumber = /^-?\d+([.,]\d+)?$/;

/**
 * A text cell that a spreadsheet would evaluate ('=HYPERLINK(…)' typed as a host's name) gets a leading `'`, which
 * makes it text (OWASP's advice against CSV injection); plain numbers, ours or typed, stay numbers. A cell is then
 * quoted when it holds the separator, a quote or a line break; quotes inside are doubled.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return digitsCell(value.digits);
  const raw = String(value);
  const text = formulaStart.test(raw) && !plainNumber.test(raw) ? `'${raw}` : raw;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Only digits: written `="01234"` (quoted as CSV wants), which Excel shows as the text 01234 (a plain 01234 loses its
 * zero, a SIRET becomes 5,52E+13). A formula of a literal of digits: nothing a spreadsheet could run. Anything else
 * is a text cell.
 */
function digitsCell(digits: string | null): string {
  if (digits === null || digits === '') return '';
  return /^\d+$/.test(digits) ? `"=""${digits}"""` : csvCell(digits);
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
