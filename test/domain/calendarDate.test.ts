import { addDays, addYears, isIsoDate, isoWeekday, isPlausibleDate, toDayNumber } from '../../src/domain/calendarDate';

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-02-28', true],
    ['2025-13-01', false],
    ['2025-1-01', false],
    ['2025-01-01T00:00', false],
  ])('%j is a date: %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it.each([
    ['2025-12-31', 1, '2026-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-01-01', -1, '2025-12-31'],
  ])('%s plus %i day is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-11-23', 1],
    ['2026-11-28', 6],
    ['2026-11-29', 7],
  ])('%s is ISO weekday %i', (date, expected) => {
    expect(isoWeekday(date)).toBe(expected);
  });

  it('refuses a malformed date instead of computing NaN', () => {
    expect(() => toDayNumber('2026-02-30')).toThrow(RangeError);
  });

  it.each([
    ['2026-03-02', 2, '2028-03-02'],
    ['2024-02-29', 2, '2026-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2026-12-31', -1, '2025-12-31'],
  ])('%s plus %i years is %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it.each([
    ['2000-01-01', true],
    ['2100-12-31', true],
    ['1999-12-31', false],
    ['2101-01-01', false],
    ['0100-01-01', false],
    ['9999-12-31', false],
    ['2026-02-30', false],
  ])('%s is a plausible date: %s', (date, expected) => {
    expect(isPlausibleDate(date)).toBe(expected);
  });
});
