import { evaluateConvention, GratificationUnit, monthlyMinimum } from '../../../src/domain/legalRules';
import { totalHours, validConvention } from './conventionInput';

function gratificationCodes(changes: Parameters<typeof validConvention>[0]): string[] {
  return evaluateConvention(validConvention(changes))
    .map((finding) => finding.code)
    .filter((code) => code.startsWith('legal.gratification'));
}

describe('gratification from the 309th hour', () => {
  it.each([
    [308, 0, null, []],
    [309, 0, null, ['legal.gratificationMissing']],
    [309, 0, 0, ['legal.gratificationMissing']],
    [309, 0, 4.5, []],
    [200, 108, null, []],
    [200, 109, null, ['legal.gratificationMissing']],
  ])('%i h here and %i h in other conventions with amount %p finds %j', (hours, otherHoursSameHostSameYear, amount, expected) => {
    expect(gratificationCodes({ ...totalHours(hours), otherHoursSameHostSameYear, gratification: { amount, unit: 'hour' } })).toEqual(
      expected,
    );
  });

  it('says which threshold and total apply', () => {
    const [finding] = evaluateConvention(validConvention({ ...totalHours(309) }));
    expect(finding).toEqual({
      code: 'legal.gratificationMissing',
      severity: 'E',
      params: { threshold: 308, total: 309 },
      field: 'gratificationAmount',
      overridable: false,
    });
  });
});

describe('hourly minimum', () => {
  it.each([
    ['2026-04-01', '2026-06-30', 4.49, ['legal.gratificationBelowHourlyMinimum']],
    ['2026-04-01', '2026-06-30', 4.5, []],
    ['2025-04-01', '2025-06-30', 4.35, []],
    ['2025-04-01', '2025-06-30', 4.34, ['legal.gratificationBelowHourlyMinimum']],
    ['2025-11-03', '2026-01-30', 4.35, ['legal.gratificationBelowHourlyMinimum']],
    ['2025-11-03', '2026-01-30', 4.5, []],
  ])('from %s to %s at %d €/h finds %j', (startDate, endDate, amount, expected) => {
    const changes = {
      today: '2025-01-01',
      startDate,
      endDate,
      ...totalHours(400),
      gratification: { amount, unit: 'hour' as GratificationUnit },
    };
    expect(gratificationCodes(changes)).toEqual(expected);
  });

  it('does not apply to a gratification that is not mandatory', () => {
    expect(gratificationCodes({ ...totalHours(308), gratification: { amount: 1, unit: 'hour' } })).toEqual([]);
  });

  it('gives the amount, the minimum and its year', () => {
    const [finding] = evaluateConvention(validConvention({ ...totalHours(400), gratification: { amount: 4.49, unit: 'hour' } }));
    expect(finding.params).toEqual({ amount: 4.49, minimum: 4.5, year: 2026 });
  });

  it('skips the check before the first year with known rates', () => {
    const changes = {
      today: '2024-01-01',
      startDate: '2024-03-01',
      endDate: '2024-08-30',
      ...totalHours(400),
      gratification: { amount: 1, unit: 'hour' as GratificationUnit },
    };
    expect(gratificationCodes(changes)).toEqual([]);
  });
});

describe('monthly minimum (hourly minimum × weekly hours × 52 / 12)', () => {
  it.each([
    [4.5, 35, 682.5],
    [4.35, 35, 659.75],
    [4.5, 24, 468],
  ])('at %d €/h and %d h a week is %d €', (hourly, weekly, expected) => {
    expect(monthlyMinimum(hourly, weekly)).toBe(expected);
  });

  it.each([
    [682.49, [1, 2, 3, 4, 5], 7, ['legal.gratificationBelowMonthlyMinimum']],
    [682.5, [1, 2, 3, 4, 5], 7, []],
    [467.99, [1, 2, 3], 8, ['legal.gratificationBelowMonthlyMinimum']],
    [468, [1, 2, 3], 8, []],
  ])('%d € a month for days %j at %d h finds %j', (amount, workingDays, hoursPerDay, expected) => {
    const changes = { workingDays, hoursPerDay, ...totalHours(400), gratification: { amount, unit: 'month' as GratificationUnit } };
    expect(gratificationCodes(changes)).toEqual(expected);
  });

  it('is only a warning with its parameters', () => {
    const [finding] = evaluateConvention(validConvention({ ...totalHours(400), gratification: { amount: 600, unit: 'month' } }));
    expect(finding).toEqual({
      code: 'legal.gratificationBelowMonthlyMinimum',
      severity: 'W',
      params: { amount: 600, minimum: 682.5, hourlyMinimum: 4.5, weeklyHours: 35, year: 2026 },
      field: 'gratificationAmount',
      overridable: true,
    });
  });
});
