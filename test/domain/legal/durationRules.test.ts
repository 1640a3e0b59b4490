import { evaluateConvention } from '../../../src/domain/legalRules';
import { totalHours, validConvention, withOtherHours } from './conventionInput';

const withGratification = { gratification: { amount: 4.5, unit: 'hour' as const } };

describe('the 924 h cap per student, host and academic year', () => {
  it.each([
    [924, 0, false],
    [925, 0, true],
    [500, 424, false],
    [500, 425, true],
    [1, 924, true],
  ])('%i h here plus %i h in other conventions that year is over the cap: %s', (hours, otherHours, exceeded) => {
    const findings = evaluateConvention(validConvention({ ...withOtherHours(hours, otherHours), ...withGratification }));
    const cap = findings.find((finding) => finding.code === 'legal.hostYearCapExceeded');
    expect(Boolean(cap)).toBe(exceeded);
    if (cap) {
      expect(cap).toEqual({
        code: 'legal.hostYearCapExceeded',
        severity: 'E',
        params: { total: hours + otherHours, cap: 924, otherHours, academicYear: '2025-2026' },
        field: 'endDate',
        overridable: true,
      });
    }
  });

  it('counts the hours of each academic year apart: 600 h on each side of 31 August is under the cap', () => {
    const hostCumulation = {
      years: [
        { academicYear: '2025-2026', hours: 600, otherHours: 0 },
        { academicYear: '2026-2027', hours: 600, otherHours: 300 },
      ],
      consecutiveHours: 1200,
      consecutiveWith: [],
    };
    const findings = evaluateConvention(validConvention({ ...totalHours(1200), hostCumulation, ...withGratification }));
    expect(findings.filter((finding) => finding.code === 'legal.hostYearCapExceeded')).toEqual([]);
    const over = { ...hostCumulation, years: [hostCumulation.years[0], { ...hostCumulation.years[1], otherHours: 325 }] };
    const overFindings = evaluateConvention(validConvention({ ...totalHours(1200), hostCumulation: over, ...withGratification }));
    expect(overFindings.filter((finding) => finding.code === 'legal.hostYearCapExceeded').map((finding) => finding.params)).toEqual([
      { total: 925, cap: 924, otherHours: 325, academicYear: '2026-2027' },
    ]);
  });

  it.each([
    ['lower', 900],
    ['equal', 925],
    ['absent', null],
  ])('counts the computed 925 h with a declared total %s (%p): the error stands', (_label, declaredTotalHours) => {
    const findings = evaluateConvention(
      validConvention({ declaredTotalHours, declaredTotalReason: 'stage à temps partiel', computedTotalHours: 925, ...withGratification }),
    );
    const cap = findings.find((finding) => finding.code === 'legal.hostYearCapExceeded');
    expect(cap?.severity).toBe('E');
    expect(cap?.params.total).toBe(925);
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
    const findings = evaluateConvention(
      validConvention({ declaredTotalHours, computedTotalHours, declaredTotalReason: 'Pont du 1er mai' }),
    );
    expect(findings).toEqual(
      differ
        ? [
            {
              code: 'legal.totalHoursMismatch',
              severity: 'W',
              params: { declared: declaredTotalHours, computed: computedTotalHours, reason: 'Pont du 1er mai' },
              field: 'declaredTotalHours',
              overridable: true,
            },
          ]
        : [],
    );
  });

  it.each([null, '', '   '])('asks for the reason of a difference when it is %p', (declaredTotalReason) => {
    const findings = evaluateConvention(validConvention({ declaredTotalHours: 250, computedTotalHours: 280, declaredTotalReason }));
    expect(findings).toEqual([
      {
        code: 'legal.totalHoursMismatchUnexplained',
        severity: 'W',
        params: { declared: 250, computed: 280 },
        field: 'declaredTotalReason',
        overridable: true,
      },
    ]);
  });
});

describe('the academic year a convention is filed under', () => {
  it.each([
    ['2026-04-01', '2026-05-29', '2025-2026', false],
    ['2026-04-01', '2026-05-29', '2026-2027', true],
    ['2026-06-01', '2026-08-31', '2026-2027', true],
    ['2026-06-01', '2026-09-01', '2026-2027', false],
    ['2026-06-01', '2026-09-01', '2025-2026', false],
    ['2026-09-01', '2026-12-18', '2025-2026', true],
    ['2026-12-01', '2027-01-29', '2026-2027', false],
  ])('from %s to %s, filed under %s, is refused: %s', (startDate, endDate, academicYear, refused) => {
    const findings = evaluateConvention(validConvention({ today: '2026-01-01', startDate, endDate, academicYear }));
    const finding = findings.find((candidate) => candidate.code === 'legal.academicYearOutsideDates');
    expect(Boolean(finding)).toBe(refused);
    if (finding) expect(finding).toMatchObject({ severity: 'E', field: 'academicYear', overridable: false });
  });
});
