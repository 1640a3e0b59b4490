import {
  colon,
  formatAmount,
  formatCivility,
  formatDate,
  formatDateTime,
  formatLongDate,
  formatLongDateTime,
  formatNumber,
  formatPersonName,
  formatSpreadsheetNumber,
} from '../../src/format';
import { fullName } from '../../src/documents/format';

describe('one way to write dates, amounts and numbers', () => {
  it.each([
    ['2027-03-02', 'fr', '02/03/2027'],
    ['2027-03-02', 'en', '02/03/2027'],
    ['', 'fr', ''],
    [null, 'fr', ''],
    ['pas une date', 'fr', 'pas une date'],
  ])('writes the calendar date %p in %s as %p', (value, language, expected) => {
    expect(formatDate(value, language)).toBe(expected);
  });

  it('writes an instant in French time, whatever the server’s zone', () => {
    expect(formatDateTime(new Date('2026-07-01T22:30:00Z'), 'fr')).toBe('02/07/2026 00:30');
    expect(formatDate(new Date('2026-12-31T23:30:00Z'), 'en')).toBe('01/01/2027, 00:30');
    expect(formatLongDate(new Date('2026-11-26T10:00:00Z'), 'fr')).toBe('26 novembre 2026');
    expect(formatLongDate(new Date('2026-11-26T10:00:00Z'), 'en')).toBe('26 November 2026');
    expect(formatLongDate(new Date('2026-12-01T10:00:00Z'), 'fr')).toBe('1er décembre 2026');
    expect(formatLongDate(new Date('2026-12-01T10:00:00Z'), 'en')).toBe('1 December 2026');
  });

  it('writes a day and its time in words with « 1er » in French (the verification page’s seal), in the zone asked', () => {
    expect(formatLongDateTime(new Date('2026-12-01T13:05:00Z'), 'fr', 'UTC')).toBe('1er décembre 2026 à 13:05');
    expect(formatLongDateTime(new Date('2026-12-01T13:05:00Z'), 'en', 'UTC')).toBe('1 December 2026 at 13:05');
    expect(formatLongDateTime(new Date('2026-12-11T13:05:00Z'), 'fr', 'UTC')).toBe('11 décembre 2026 à 13:05');
    expect(formatLongDateTime(new Date('2026-11-30T23:30:00Z'), 'fr')).toBe('1er décembre 2026 à 00:30');
  });

  it('puts a no-break space before a colon in French and none in English', () => {
    expect(`État${colon('fr')}`).toBe('État\u00a0:');
    expect(`State${colon('en')}`).toBe('State:');
  });

  it('writes civilities as the language does: Mr and Ms in English, M. and Mme in French, on the pages and in the PDFs', () => {
    expect(['M.', 'Mme', 'Mx', null].map((civility) => formatCivility(civility, 'en'))).toEqual(['Mr', 'Ms', 'Mx', '']);
    expect(['M.', 'Mme', 'Mx'].map((civility) => formatCivility(civility, 'fr'))).toEqual(['M.', 'Mme', 'Mx']);
    const person = { civility: 'Mme' as const, firstName: 'Zoé', lastName: 'Müller' };
    expect(formatPersonName(person, 'en')).toBe('Ms Zoé Müller');
    expect(formatPersonName({ ...person, civility: undefined }, 'en')).toBe('Zoé Müller');
    expect(fullName(person, 'en')).toBe('Ms Zoé Müller');
    expect(fullName({ ...person, civility: 'M.' }, 'fr')).toBe('M. Zoé Müller');
  });

  it.each([
    [4.5, 'fr', '4,50\u00a0€'],
    [4.5, 'en', '€4.50'],
    [1234.5, 'fr', '1\u202f234,50\u00a0€'],
    [null, 'fr', ''],
  ])('writes the amount %p in %s as %p', (value, language, expected) => {
    expect(formatAmount(value, language)).toBe(expected);
  });

  it('writes numbers with the language’s separators, at most the given decimals', () => {
    expect(formatNumber(1234.567, 'fr')).toBe('1\u202f234,57');
    expect(formatNumber(1234.567, 'en')).toBe('1,234.57');
    expect(formatNumber(12.25, 'fr', 1)).toBe('12,3');
    expect(formatNumber(undefined, 'fr')).toBe('');
  });

  it('writes numbers for a French spreadsheet: comma decimals, no thousands separator', () => {
    expect(formatSpreadsheetNumber(1234.5)).toBe('1234,5');
    expect(formatSpreadsheetNumber(616)).toBe('616');
    expect(formatSpreadsheetNumber(4.5, 2)).toBe('4,50');
    expect(formatSpreadsheetNumber(Number.NaN)).toBe('');
  });

  it('writes whole numbers (written without Intl, for speed) exactly as Intl does', () => {
    const intl = (digits?: number) =>
      new Intl.NumberFormat('fr-FR', {
        minimumFractionDigits: digits ?? 0,
        maximumFractionDigits: digits ?? 2,
        useGrouping: false,
      });
    for (const value of [0, -0, 1, -5, 7, 35, 616, 1000, 123456789, -98765, Number.MAX_SAFE_INTEGER, 2 ** 60, 1e21]) {
      expect([value, formatSpreadsheetNumber(value)]).toEqual([value, intl().format(value)]);
      expect([value, formatSpreadsheetNumber(value, 2)]).toEqual([value, intl(2).format(value)]);
    }
  });
});
