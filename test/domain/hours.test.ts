import { computePresence, hoursToDaysAndMonths, weeklyHours } from '../../src/domain/hours';

describe('presence between two dates', () => {
  it.each([
    ['one full week', '2026-11-23', '2026-11-27', undefined, 7, 5, 35],
    ['a week counted Monday to Sunday', '2026-11-23', '2026-11-29', undefined, 7, 5, 35],
    ['a single Monday', '2026-11-23', '2026-11-23', undefined, 7, 1, 7],
    ['a single Saturday', '2026-11-28', '2026-11-28', undefined, 7, 0, 0],
    ['an end before the start', '2026-11-27', '2026-11-23', undefined, 7, 0, 0],
    ['a week with 11 November', '2026-11-09', '2026-11-13', undefined, 7, 4, 28],
    ['a week across New Year', '2025-12-29', '2026-01-02', undefined, 7, 4, 28],
    ['May 2026 with its four holidays', '2026-05-01', '2026-05-31', undefined, 7, 17, 119],
    ['three days a week', '2026-11-23', '2026-11-29', [1, 2, 3], 8, 3, 24],
    ['Saturdays included', '2026-11-23', '2026-11-29', [1, 2, 3, 4, 5, 6], 7, 6, 42],
    ['half hours', '2026-11-23', '2026-11-27', undefined, 7.5, 5, 37.5],
  ])('%s: %s to %s gives %i days', (_label, startDate, endDate, workingDays, hoursPerDay, days, hours) => {
    expect(computePresence({ startDate, endDate, workingDays, hoursPerDay })).toEqual({ days, hours });
  });

  it.each([
    ['inside the period', [{ start: '2026-11-24', end: '2026-11-25' }], 3],
    ['overlapping the start', [{ start: '2026-11-20', end: '2026-11-23' }], 4],
    ['overlapping the end', [{ start: '2026-11-27', end: '2026-12-04' }], 4],
    ['outside the period', [{ start: '2026-12-01', end: '2026-12-04' }], 5],
    [
      'two of them overlapping each other',
      [
        { start: '2026-11-23', end: '2026-11-24' },
        { start: '2026-11-24', end: '2026-11-25' },
      ],
      2,
    ],
  ])('an interruption %s is not counted', (_label, interruptions, days) => {
    expect(computePresence({ startDate: '2026-11-23', endDate: '2026-11-27', interruptions, hoursPerDay: 7 }).days).toBe(days);
  });

  it('counts a range of exactly two years, the longest an internship can be', () => {
    expect(computePresence({ startDate: '2026-03-02', endDate: '2028-03-02', hoursPerDay: 7 }).days).toBeGreaterThan(500);
    expect(computePresence({ startDate: '2028-02-29', endDate: '2030-02-28', hoursPerDay: 7 }).days).toBeGreaterThan(500);
  });

  it.each([
    ['one day too long', '2026-03-02', '2028-03-03'],
    ['the whole calendar', '0100-01-01', '9999-12-31'],
    ['ten thousand years', '2000-01-01', '9999-12-31'],
  ])('refuses %s at once instead of walking every day', (_label, startDate, endDate) => {
    expect(() => computePresence({ startDate, endDate, hoursPerDay: 7 })).toThrow(RangeError);
  });

  it('uses the host country holidays when given (abroad)', () => {
    const presence = computePresence({ startDate: '2026-11-09', endDate: '2026-11-13', hoursPerDay: 7, publicHolidays: () => [] });
    expect(presence).toEqual({ days: 5, hours: 35 });
  });
});

describe('legal counting of hours', () => {
  it.each([
    [0, 0, 0],
    [7, 1, 1 / 22],
    [154, 22, 1],
    [308, 44, 2],
    [924, 132, 6],
  ])('%i h is %d days and %d months', (hours, days, months) => {
    const result = hoursToDaysAndMonths(hours);
    expect(result.days).toBeCloseTo(days, 10);
    expect(result.months).toBeCloseTo(months, 10);
  });

  it.each([
    [[1, 2, 3, 4, 5], 7, 35],
    [[1, 2, 3, 4, 5, 6], 8, 48],
    [[1, 2, 3], 7.5, 22.5],
    [[1, 1, 2], 7, 14],
    [[], 7, 0],
  ])('working days %j at %d h a day make %d h a week', (workingDays, hoursPerDay, expected) => {
    expect(weeklyHours(workingDays, hoursPerDay)).toBe(expected);
  });
});
