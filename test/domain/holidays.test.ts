import { easterSunday, frenchPublicHolidays, isFrenchPublicHoliday } from '../../src/domain/holidays';

describe('Easter Sunday', () => {
  it.each([
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2038, '2038-04-25'],
  ])('in %i falls on %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
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
    ['2026-04-06', 'easterMonday'],
    ['2026-05-14', 'ascension'],
    ['2026-05-25', 'whitMonday'],
    ['2025-04-21', 'easterMonday'],
    ['2025-05-29', 'ascension'],
    ['2025-06-09', 'whitMonday'],
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
