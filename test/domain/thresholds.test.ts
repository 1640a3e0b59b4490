import { defaultThresholds, gratificationRatesFor, hourlyMinimum, Thresholds } from '../../src/domain/thresholds';

describe('hourly gratification minimum', () => {
  it.each([
    ['2025-01-01', 4.35],
    ['2025-12-31', 4.35],
    ['2026-01-01', 4.5],
    ['2026-11-26', 4.5],
    ['2031-06-15', 4.5],
  ])('on %s is %d €/h', (date, expected) => {
    expect(hourlyMinimum(date)).toBe(expected);
  });

  it('uses the latest earlier year when a year has no entry', () => {
    expect(gratificationRatesFor('2031-06-15')).toEqual({ year: 2026, hourlyMinimum: 4.5, hourlySocialSecurityCeiling: 30 });
  });

  it('picks the latest earlier year even when the data skips years', () => {
    const thresholds: Thresholds = {
      ...defaultThresholds,
      gratification: {
        ...defaultThresholds.gratification,
        byYear: {
          '2030': { hourlyMinimum: 5, hourlySocialSecurityCeiling: 33.34 },
          '2025': { hourlyMinimum: 4.35, hourlySocialSecurityCeiling: 29 },
        },
      },
    };
    expect(hourlyMinimum('2029-12-31', thresholds)).toBe(4.35);
    expect(hourlyMinimum('2030-01-01', thresholds)).toBe(5);
  });

  it('knows no rate before the first year in the data', () => {
    expect(gratificationRatesFor('2024-12-31')).toBeNull();
    expect(() => hourlyMinimum('2024-12-31')).toThrow(RangeError);
  });

  it('ships the legal thresholds', () => {
    expect(defaultThresholds.gratification.mandatoryAboveHours).toBe(308);
    expect(defaultThresholds.duration.maxHoursPerHostPerAcademicYear).toBe(924);
    expect(defaultThresholds.workingTime).toEqual({
      maxHoursPerDay: 10,
      maxHoursPerWeek: 48,
      maxAverageWeeklyHours: 44,
      averagePeriodWeeks: 12,
      usualWeeklyHours: 35,
      minor: { maxHoursPerDay: 8, maxHoursPerWeek: 35, consecutiveRestDays: 2 },
    });
    expect(defaultThresholds.programme.minTeachingHoursPerYear).toBe(200);
  });
});
