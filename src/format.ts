/**
 * How dates, amounts and numbers are written, in French (fr-FR) or English (en-GB): one module for the pages,
 * the PDFs, the CSV export, the mails and the LMS comments.
 */
export type Language = 'fr' | 'en';

const timeZone = 'Europe/Paris';
const localeOf = (language: string): string => (language === 'en' ? 'en-GB' : 'fr-FR');
const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, create: () => T): T {
  let format = formats.get(key) as T | undefined;
  if (!format) {
    format = create();
    formats.set(key, format);
  }
  return format;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * A calendar date '2026-11-26' → '26/11/2026' (JJ/MM/AAAA in French, DD/MM/YYYY in British English); an instant
 * → its date and time in France. Anything else stays as it is, and nothing is empty.
 */
export function formatDate(value: string | Date | null | undefined, language: string = 'fr'): string {
  if (value === null || value === undefined || value === '') return '';
  if (value instanceof Date) return formatDateTime(value, language);
  const match = ISO_DATE.exec(value);
  if (!match) return value;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** An instant in France, short: '26/11/2026 14:05'. */
export function formatDateTime(value: Date | string | null | undefined, language: string = 'fr'): string {
  if (value === null || value === undefined || value === '') return '';
  const format = cached(
    `datetime:${language}`,
    () => new Intl.DateTimeFormat(localeOf(language), { timeZone, dateStyle: 'short', timeStyle: 'short' }),
  );
  return format.format(new Date(value));
}

/** An instant's day in words, in France: '26 novembre 2026', '26 November 2026'. */
export function formatLongDate(value: Date, language: string = 'fr'): string {
  const long = cached(`long:${language}`, () => new Intl.DateTimeFormat(localeOf(language), { timeZone, dateStyle: 'long' })).format(value);
  // French writes the first day of a month as an ordinal: « 1er décembre 2026 ».
  return language === 'en' ? long : long.replace(/^1 /, '1er ');
}

/** An instant's day and time in words: '1er décembre 2026 à 14:05', '1 December 2026 at 14:05' (France's time by default). */
export function formatLongDateTime(value: Date, language: string = 'fr', zone: string = timeZone): string {
  const long = cached(
    `longtime:${language}:${zone}`,
    () => new Intl.DateTimeFormat(localeOf(language), { timeZone: zone, dateStyle: 'long', timeStyle: 'short' }),
  ).format(value);
  return language === 'en' ? long : long.replace(/^1 /, '1er ');
}

/** What follows a label: ' :' with a no-break space in French, ':' in English ('État\u00a0:', 'State:'). */
export function colon(language: string = 'fr'): string {
  return language === 'en' ? ':' : '\u00a0:';
}

/** A stored civility (M., Mme, Mx) as the language writes it: Mr, Ms and Mx in English. */
export function formatCivility(civility: string | null | undefined, language: string = 'fr'): string {
  if (!civility) return '';
  if (language !== 'en') return civility;
  return ({ 'M.': 'Mr', Mme: 'Ms' } as Record<string, string>)[civility] ?? civility;
}

/** A person as a page or a PDF names them: civility (in the language), first name, last name. */
export function formatPersonName(
  person: { civility?: string | null; firstName: string; lastName: string } | null | undefined,
  language: string = 'fr',
): string {
  if (!person) return '';
  return [formatCivility(person.civility, language), person.firstName, person.lastName].filter(Boolean).join(' ');
}

/** A calendar month '2026-09' → 'septembre 2026', 'September 2026'; anything else stays as it is. */
export function formatMonth(value: string, language: string = 'fr'): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return value;
  const format = cached(
    `month:${language}`,
    () => new Intl.DateTimeFormat(localeOf(language), { timeZone: 'UTC', month: 'long', year: 'numeric' }),
  );
  return format.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

/** 4.5 → '4,50 €' in French, '€4.50' in English. */
export function formatAmount(value: number | null | undefined, language: string = 'fr'): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return cached(`amount:${language}`, () => new Intl.NumberFormat(localeOf(language), { style: 'currency', currency: 'EUR' })).format(
    value,
  );
}

/** 1234.567 → '1 234,57' in French, '1,234.57' in English: at most `digits` decimals. */
export function formatNumber(value: number | null | undefined, language: string = 'fr', digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return cached(`number:${language}:${digits}`, () => new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: digits })).format(
    value,
  );
}

/**
 * A number as a spreadsheet in French reads it: comma decimals and no thousands separator ('1234,5'), exactly
 * `fixedDigits` decimals when given ('4,50').
 */
export function formatSpreadsheetNumber(value: number | null | undefined, fixedDigits?: number): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  // What Intl writes for a whole number (a file's hours and counts, row after row), without its cost: '616', '600,00'.
  if (Number.isSafeInteger(value) && !Object.is(value, -0)) {
    return fixedDigits ? `${value},${'0'.repeat(fixedDigits)}` : String(value);
  }
  return spreadsheetFormat(fixedDigits).format(value);
}

const spreadsheetFormats = new Map<number | undefined, Intl.NumberFormat>();

function spreadsheetFormat(fixedDigits: number | undefined): Intl.NumberFormat {
  let format = spreadsheetFormats.get(fixedDigits);
  if (!format) {
    const options: Intl.NumberFormatOptions =
      fixedDigits === undefined
        ? { maximumFractionDigits: 2, useGrouping: false }
        : { minimumFractionDigits: fixedDigits, maximumFractionDigits: fixedDigits, useGrouping: false };
    spreadsheetFormats.set(fixedDigits, (format = new Intl.NumberFormat('fr-FR', options)));
  }
  return format;
}
