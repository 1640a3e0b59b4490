import { computePresence, daysOfPresence, hoursToDaysAndMonths } from '../../src/domain/hours';
import { regularSchedule } from '../../src/domain/weeklySchedule';

const FULL_TIME = regularSchedule([1, 2, 3, 4, 5], 7);

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
    const weeklySchedule = regularSchedule(workingDays ?? [1, 2, 3, 4, 5], hoursPerDay);
    expect(computePresence({ startDate, endDate, weeklySchedule })).toEqual({ days, hours });
  });

  it.each([
    ['an irregular week: a 10.5 h Tuesday', [7, 10.5, 7, 7, 4, 0, 0], '2026-11-23', '2026-11-29', 5, 35.5],
    ['two weeks of it', [7, 10.5, 7, 7, 4, 0, 0], '2026-11-23', '2026-12-06', 10, 71],
    ['Saturday and Sunday only', [0, 0, 0, 0, 0, 8, 6], '2026-11-23', '2026-11-29', 2, 14],
    ['a 10.5 h Tuesday on 10 November 2026, 11 November being a holiday', [7, 10.5, 7, 7, 4, 0, 0], '2026-11-09', '2026-11-15', 4, 28.5],
  ])('%s', (_label, weeklySchedule, startDate, endDate, days, hours) => {
    expect(computePresence({ startDate, endDate, weeklySchedule })).toEqual({ days, hours });
  });

  it('gives each day of presence with the hours of its weekday', () => {
    const days = daysOfPresence({ startDate: '2026-11-23', endDate: '2026-11-25', weeklySchedule: [7, 10.5, 0, 7, 7, 0, 0] });
    expect(days).toEqual([
      { date: '2026-11-23', hours: 7 },
      { date: '2026-11-24', hours: 10.5 },
    ]);
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
    expect(computePresence({ startDate: '2026-11-23', endDate: '2026-11-27', interruptions, weeklySchedule: FULL_TIME }).days).toBe(days);
  });

  it('counts a range of exactly two years, the longest an internship can be', () => {
    expect(computePresence({ startDate: '2026-03-02', endDate: '2028-03-02', weeklySchedule: FULL_TIME }).days).toBeGreaterThan(500);
    expect(computePresence({ startDate: '2028-02-29', endDate: '2030-02-28', weeklySchedule: FULL_TIME }).days).toBeGreaterThan(500);
  });

  it.each([
    ['one day too long', '2026-03-02', '2028-03-03'],
    ['the whole calendar', '0100-01-01', '9999-12-31'],
    ['ten thousand years', '2000-01-01', '9999-12-31'],
  ])('refuses %s at once instead of walking every day', (_label, startDate, endDate) => {
    expect(() => computePresence({ startDate, endDate, weeklySchedule: FULL_TIME })).toThrow(RangeError);
  });

  it('uses the host country holidays when given (abroad)', () => {
    const presence = computePresence({
      startDate: '2026-11-09',
      endDate: '2026-11-13',
      weeklySchedule: FULL_TIME,
      publicHolidays: () => [],
    });
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
});
