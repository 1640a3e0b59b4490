import { evaluateConvention } from '../../../src/domain/legalRules';
import { totalHours, validConvention } from './conventionInput';

const withGratification = { gratification: { amount: 4.5, unit: 'hour' as const } };

describe('the 924 h cap per student, host and academic year', () => {
  it.each([
    [924, 0, false],
    [925, 0, true],
    [500, 424, false],
    [500, 425, true],
    [1, 924, true],
  ])('%i h here plus %i h in other conventions is over the cap: %s', (hours, otherHoursSameHostSameYear, exceeded) => {
    const findings = evaluateConvention(validConvention({ ...totalHours(hours), otherHoursSameHostSameYear, ...withGratification }));
    const cap = findings.find((finding) => finding.code === 'legal.hostYearCapExceeded');
    expect(Boolean(cap)).toBe(exceeded);
    if (cap) {
      expect(cap).toEqual({
        code: 'legal.hostYearCapExceeded',
        severity: 'E',
        params: { total: hours + otherHoursSameHostSameYear, cap: 924, otherHours: otherHoursSameHostSameYear },
        field: 'declaredTotalHours',
        overridable: true,
      });
    }
  });

  it('counts the computed total when none is declared', () => {
    const findings = evaluateConvention(validConvention({ declaredTotalHours: null, computedTotalHours: 925, ...withGratification }));
    expect(findings.map((finding) => finding.code)).toEqual(['legal.hostYearCapExceeded']);
  });
});

describe('declared and computed totals', () => {
  it.each([
    [280, 280, false],
    [280.01, 280, false],
    [280.5, 280, true],
    [279, 280, true],
    [null, 280, false],
  ])('declared %p against computed %p differ: %s', (declaredTotalHours, computedTotalHours, differ) => {
    const findings = evaluateConvention(validConvention({ declaredTotalHours, computedTotalHours }));
    expect(findings).toEqual(
      differ
        ? [
            {
              code: 'legal.totalHoursMismatch',
              severity: 'W',
              params: { declared: declaredTotalHours, computed: computedTotalHours },
              field: 'declaredTotalHours',
              overridable: true,
            },
          ]
        : [],
    );
  });
});
