import { evaluateConvention, Finding } from '../../../src/domain/legalRules';
import { defaultThresholds } from '../../../src/domain/thresholds';
import { totalHours, validConvention } from './conventionInput';

function codes(findings: Finding[]): string[] {
  return findings.map((finding) => finding.code);
}

describe('evaluating a convention', () => {
  it('finds nothing in a valid convention', () => {
    expect(evaluateConvention(validConvention())).toEqual([]);
  });

  it.each([
    ['2026-04-01', '2026-03-31', ['legal.endBeforeStart']],
    ['2026-04-01', '2026-04-01', []],
    ['2026-04-01', '2026-04-02', []],
  ])('from %s to %s finds %j', (startDate, endDate, expected) => {
    expect(codes(evaluateConvention(validConvention({ startDate, endDate, ...totalHours(7) })))).toEqual(expected);
  });

  it.each([
    [true, '2026-02-28', ['legal.startInPast']],
    [true, '2026-03-01', []],
    [true, '2026-03-02', []],
    [false, '2026-02-28', []],
  ])('a convention new=%s starting %s, today 2026-03-01, finds %j', (isNew, startDate, expected) => {
    expect(codes(evaluateConvention(validConvention({ isNew, startDate })))).toEqual(expected);
  });

  it('points each finding at its field, in form order', () => {
    const findings = evaluateConvention(validConvention({ endDate: '2026-03-31', skills: ' ' }));
    expect(findings.map((finding) => [finding.code, finding.severity, finding.field])).toEqual([
      ['legal.missing.skills', 'E', 'skills'],
      ['legal.endBeforeStart', 'E', 'endDate'],
    ]);
  });

  it('uses the thresholds it is given', () => {
    const thresholds = { ...defaultThresholds, programme: { minTeachingHoursPerYear: 500 } };
    expect(codes(evaluateConvention(validConvention(), thresholds))).toEqual(['legal.programmeTeachingHoursTooLow']);
  });
});
