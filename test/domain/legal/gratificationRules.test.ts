import { evaluateConvention, GratificationUnit } from '../../../src/domain/legalRules';
import { presenceBreakdown } from '../../../src/domain/presenceBreakdown';
import { totalHours, validConvention, withOtherHours } from './conventionInput';

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
  ])('%i h here and %i h in other conventions that year with amount %p finds %j', (hours, otherHours, amount, expected) => {
    expect(gratificationCodes({ ...withOtherHours(hours, otherHours), gratification: { amount, unit: 'hour' } })).toEqual(expected);
  });

  it.each([
    [200, 308, null, []],
    [200, 309, null, ['legal.gratificationMissingConsecutive']],
    [200, 309, 4.5, []],
  ])(
    '%i h here, %i h without a break with the conventions before or after it (over two academic years), amount %p, finds %j',
    (hours, consecutiveHours, amount, expected) => {
      expect(gratificationCodes({ ...withOtherHours(hours, 0, consecutiveHours), gratification: { amount, unit: 'hour' } })).toEqual(
        expected,
      );
    },
  );

  it('says the unbroken run when it is what makes the gratification due', () => {
    const [finding] = evaluateConvention(validConvention({ ...withOtherHours(200, 100, 350) }));
    expect(finding).toEqual({
      code: 'legal.gratificationMissingConsecutive',
      severity: 'E',
      params: { threshold: 308, total: 350 },
      field: 'gratificationAmount',
      overridable: false,
    });
  });

  it.each([
    ['lower', 300],
    ['absent', null],
  ])('counts the computed 309 h even with a declared total %s (%p)', (_label, declaredTotalHours) => {
    const findings = evaluateConvention(validConvention({ declaredTotalHours, declaredTotalReason: 'congés', computedTotalHours: 309 }));
    expect(findings.find((finding) => finding.code === 'legal.gratificationMissing')?.severity).toBe('E');
  });

  it('says which threshold and total apply', () => {
    const [finding] = evaluateConvention(validConvention({ ...totalHours(309) }));
    expect(finding).toEqual({
      code: 'legal.gratificationMissing',
      severity: 'E',
      params: { threshold: 308, total: 309, academicYear: '2025-2026' },
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

  it('is an error the office may override, with the amount, the minimum and its year', () => {
    const [finding] = evaluateConvention(validConvention({ ...totalHours(400), gratification: { amount: 4.49, unit: 'hour' } }));
    expect(finding).toEqual({
      code: 'legal.gratificationBelowHourlyMinimum',
      severity: 'E',
      params: { amount: 4.49, minimum: 4.5, year: 2026 },
      field: 'gratificationAmount',
      overridable: true,
    });
  });

  it('skips the check before the first year with known rates, and tells the office', () => {
    const changes = {
      today: '2024-01-01',
      startDate: '2024-03-01',
      endDate: '2024-08-30',
      ...totalHours(400),
      gratification: { amount: 1, unit: 'hour' as GratificationUnit },
    };
    expect(evaluateConvention(validConvention(changes)).filter((finding) => finding.code.startsWith('legal.gratification'))).toEqual([
      { code: 'legal.gratificationRateUnknown', severity: 'W', params: { year: 2024 }, overridable: true },
    ]);
  });
});

describe('a calendar year missing from the rate table', () => {
  it.each([
    ['2026-03-02', '2026-06-30', 4.5, []],
    ['2027-01-04', '2027-04-30', 4.5, [['legal.gratificationRateNotPublished', { year: 2027, usedYear: 2026 }]]],
    [
      '2027-01-04',
      '2027-04-30',
      4.49,
      [
        ['legal.gratificationRateNotPublished', { year: 2027, usedYear: 2026 }],
        ['legal.gratificationBelowHourlyMinimum', { amount: 4.49, minimum: 4.5, year: 2026 }],
      ],
    ],
    ['2026-11-02', '2027-02-26', 4.5, [['legal.gratificationRateNotPublished', { year: 2027, usedYear: 2026 }]]],
    ['2024-11-04', '2025-02-28', 4.35, [['legal.gratificationRateUnknown', { year: 2024 }]]],
  ])('from %s to %s at %d €/h finds %j: a visible warning, not a silent reuse', (startDate, endDate, amount, expected) => {
    const changes = {
      today: '2024-01-01',
      startDate,
      endDate,
      ...totalHours(400),
      gratification: { amount, unit: 'hour' as GratificationUnit },
    };
    const findings = evaluateConvention(validConvention(changes)).filter((finding) => finding.code.startsWith('legal.gratification'));
    expect(findings.map((finding) => [finding.code, finding.params])).toEqual(expected);
  });

  it('is not mentioned when no gratification is due', () => {
    const changes = { today: '2026-01-01', startDate: '2027-01-04', endDate: '2027-02-26', ...totalHours(280) };
    expect(gratificationCodes(changes)).toEqual([]);
  });
});

describe('monthly amount, checked month by month (minimum × the hours of presence of each calendar month)', () => {
  /** 19 January – 17 April 2026, 35 h a week: 70 h in January, 140 h in February, 154 h in March, 84 h in April. */
  const winter = { today: '2026-01-01', startDate: '2026-01-19', endDate: '2026-04-17', ...totalHours(448) };
  const monthly = (amount: number) => ({ amount, unit: 'month' as GratificationUnit });

  it.each([
    [693, []],
    [692.99, ['legal.gratificationBelowMonthlyMinimum']],
    [682.5, ['legal.gratificationBelowMonthlyMinimum']],
    [630, ['legal.gratificationBelowMonthlyMinimum']],
  ])('%d € a month finds %j', (amount, expected) => {
    expect(gratificationCodes({ ...winter, gratification: monthly(amount) })).toEqual(expected);
  });

  it.each([
    [692.99, 1],
    [630, 1],
    [629.99, 2],
    [400, 2],
    [377.99, 3],
    [314.99, 4],
  ])('%d € a month is short in %i months, the partial first and last months needing least', (amount, count) => {
    const [finding] = evaluateConvention(validConvention({ ...winter, gratification: monthly(amount) }));
    expect(finding).toEqual({
      code: 'legal.gratificationBelowMonthlyMinimum',
      severity: 'E',
      params: { amount, minimum: 693, hours: 154, hourlyMinimum: 4.5, month: 3, year: 2026, count },
      field: 'gratificationAmount',
      overridable: true,
    });
  });

  it.each([
    [630, []],
    [629.99, ['legal.gratificationBelowMonthlyMinimum']],
  ])('in February alone (20 working days, 140 h), %d € a month finds %j', (amount, expected) => {
    const february = {
      today: '2026-01-01',
      startDate: '2026-02-02',
      endDate: '2026-02-27',
      ...withOtherHours(140, 200),
    };
    expect(gratificationCodes({ ...february, gratification: monthly(amount) })).toEqual(expected);
  });

  it("uses each month's own year: December 2025 at 4.35 €, January 2026 at 4.50 €", () => {
    const dates = { today: '2025-01-01', startDate: '2025-11-03', endDate: '2026-01-30', ...totalHours(434) };
    expect(gratificationCodes({ ...dates, gratification: monthly(669.9) })).toEqual([]);
    const [finding] = evaluateConvention(validConvention({ ...dates, gratification: monthly(669.89) }));
    expect(finding.params).toMatchObject({ month: 12, year: 2025, hours: 154, hourlyMinimum: 4.35, minimum: 669.9 });
  });

  it('counts the declared holiday hours in the months: paid for the schedule alone is then short', () => {
    const presence = presenceBreakdown({
      startDate: '2026-03-02',
      endDate: '2026-04-30',
      weeklySchedule: [7, 7, 7, 7, 7, 0, 0],
      additionalHours: 14,
    });
    const changes = {
      today: '2026-01-01',
      startDate: '2026-03-02',
      endDate: '2026-04-30',
      ...totalHours(315),
      presenceByMonth: presence.byMonth,
    };
    expect(gratificationCodes({ ...changes, gratification: monthly(693) })).toEqual(['legal.gratificationBelowMonthlyMinimum']);
    expect(gratificationCodes({ ...changes, gratification: monthly(725.22) })).toEqual([]);
  });

  it('allows a payment below the minimum when the gratification is not mandatory', () => {
    const short = { today: '2026-01-01', startDate: '2026-03-02', endDate: '2026-04-10', ...totalHours(203) };
    expect(gratificationCodes({ ...short, gratification: monthly(100) })).toEqual([]);
  });
});
