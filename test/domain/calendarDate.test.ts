import {
  addDays,
  addYears,
  fromDayNumber,
  isIsoDate,
  isoWeekday,
  isPlausibleDate,
  toDayNumber,
  weekdayOfDayNumber,
} from '../../src/domain/calendarDate';

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

  it('counts days by arithmetic exactly as Date does, from year 0000 to 9999, leap years and month ends included', () => {
    const msPerDay = 86_400_000;
    // Every day from 1899 to 2101, then every 37th of the years written with four digits and a few beyond.
    const days = [...Array(74_000).keys()].map((index) => index - 25_600);
    for (let day = -719_600; day <= 2_933_000; day += 37) days.push(day);
    for (const day of days) {
      const expected = new Date(day * msPerDay).toISOString().slice(0, 10);
      if (fromDayNumber(day) !== expected) expect({ day, date: fromDayNumber(day) }).toEqual({ day, date: expected });
      const weekday = new Date(day * msPerDay).getUTCDay() || 7;
      if (weekdayOfDayNumber(day) !== weekday) expect({ day, weekday: weekdayOfDayNumber(day) }).toEqual({ day, weekday });
    }
    for (const year of [100, 1582, 1600, 1900, 2000, 2024, 2025, 2100, 9999])
      for (let month = 0; month <= 13; month += 1)
        for (let day = 0; day <= 32; day += 1) {
          const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const utc = new Date(Date.UTC(year, month - 1, day));
          const exists = utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
          expect({ date, exists: isIsoDate(date) }).toEqual({ date, exists });
          if (exists) expect(toDayNumber(date)).toBe(utc.getTime() / msPerDay);
        }
    // Date.UTC reads the years 0–99 as 1900–1999: such a date is not taken for what it says.
    expect(isIsoDate('0050-01-01')).toBe(false);
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
