import { addDays } from '../../src/domain/calendarDate';
import { calendarOfHost, frenchPublicHolidays, isFrenchPublicHoliday, publicHolidayDatesOfHost } from '../../src/domain/holidays';

describe('Easter Monday, the day after Easter Sunday', () => {
  it.each([
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2038, '2038-04-25'],
  ])('in %i follows Easter Sunday %s', (year, easter) => {
    expect(frenchPublicHolidays(year).find((holiday) => holiday.name === 'Lundi de Pâques')?.date).toBe(addDays(easter, 1));
  });
});

describe('French public holidays', () => {
  it.each([100, 1582, 10000, 2026.5, Number.NaN])('are refused for the year %d, outside the Gregorian four-digit years', (year) => {
    expect(() => frenchPublicHolidays(year)).toThrow(RangeError);
  });

  it.each([
    [
      2025,
      [
        '2025-01-01',
        '2025-04-21',
        '2025-05-01',
        '2025-05-08',
        '2025-05-29',
        '2025-06-09',
        '2025-07-14',
        '2025-08-15',
        '2025-11-01',
        '2025-11-11',
        '2025-12-25',
      ],
    ],
    [
      2026,
      [
        '2026-01-01',
        '2026-04-06',
        '2026-05-01',
        '2026-05-08',
        '2026-05-14',
        '2026-05-25',
        '2026-07-14',
        '2026-08-15',
        '2026-11-01',
        '2026-11-11',
        '2026-12-25',
      ],
    ],
  ])('in %i are the eleven metropolitan ones', (year, expected) => {
    expect(frenchPublicHolidays(year).map((holiday) => holiday.date)).toEqual(expected);
  });

  it.each([
    ['2026-04-06', 'Lundi de Pâques'],
    ['2026-05-14', 'Ascension'],
    ['2026-05-25', 'Lundi de Pentecôte'],
    ['2025-04-21', 'Lundi de Pâques'],
    ['2025-05-29', 'Ascension'],
    ['2025-06-09', 'Lundi de Pentecôte'],
  ])('%s is %s', (date, name) => {
    expect(frenchPublicHolidays(Number(date.slice(0, 4))).find((holiday) => holiday.date === date)?.name).toBe(name);
  });

  it.each([
    ['2026-04-06', true],
    ['2026-04-05', false],
    ['2026-04-07', false],
    ['2025-12-25', true],
    ['2025-12-26', false],
    ['2025-12-31', false],
  ])('%s is a holiday: %s', (date, expected) => {
    expect(isFrenchPublicHoliday(date)).toBe(expected);
  });
});

describe("the host's calendar", () => {
  it.each([
    ['FR', '75005', { country: 'FR' }],
    ['FR', '67000', { country: 'FR', region: '67' }],
    ['FR', '68100', { country: 'FR', region: '68' }],
    ['FR', '57000', { country: 'FR', region: '57' }],
    ['FR', '56000', { country: 'FR' }],
    ['FR', '97400', { country: 'FR', region: 'RE' }],
    ['FR', '', { country: 'FR' }],
    ['DE', '10115', { country: 'DE' }],
    ['Allemagne', '10115', { country: 'DE' }],
    ['Germany', null, { country: 'DE' }],
    ['BE', '1000', { country: 'BE' }],
    ['', '67000', { country: 'FR', region: '67' }],
    [null, null, { country: 'FR' }],
    ['ATLANTIDE', '12345', { country: 'FR' }],
  ])('of a host in %p at %p is %j (France when the country is unknown)', (country, postalCode, expected) => {
    expect(calendarOfHost({ country, postalCode })).toEqual(expected);
  });

  it.each([
    ['a Paris host', 'FR', '75005', '2026-04-03', false],
    ['a Paris host', 'FR', '75005', '2026-12-26', false],
    ['a Strasbourg host', 'FR', '67000', '2026-04-03', true],
    ['a Strasbourg host', 'FR', '67000', '2026-12-26', true],
    ['a Metz host', 'FR', '57000', '2027-03-26', true],
    ['a Strasbourg host', 'FR', '67000', '2026-07-14', true],
    ['a Berlin host', 'DE', '10115', '2026-10-03', true],
    ['a Berlin host', 'DE', '10115', '2026-07-14', false],
    ['a Berlin host', 'DE', '10115', '2026-11-11', false],
    ['a Berlin host', 'DE', '10115', '2026-12-26', true],
  ])('%s (%s %s): %s is a public holiday: %s', (_label, country, postalCode, date, expected) => {
    expect(publicHolidayDatesOfHost({ country, postalCode })(Number(date.slice(0, 4))).includes(date)).toBe(expected);
  });
});
