import { evaluateConvention } from '../../../src/domain/legalRules';
import { totalHours, validConvention } from './conventionInput';

describe('leave and authorised absences (D124-4 10°, L124-13)', () => {
  const leaveFindings = (hours: number, leaveDaysGranted: number | null) =>
    evaluateConvention(validConvention({ ...totalHours(hours), leaveDaysGranted, gratification: { amount: 4.5, unit: 'hour' } })).filter(
      (finding) => finding.field === 'leaveDaysGranted',
    );

  it.each([
    [308, null],
    [308, 0],
    [200, null],
  ])('at %d h (two months or less), %p days of leave is fine', (hours, days) => {
    expect(leaveFindings(hours, days)).toEqual([]);
  });

  it('beyond two months, no stated leave is an error on the leave field', () => {
    expect(leaveFindings(308.5, null)).toEqual([
      {
        code: 'legal.missing.leaveDaysGranted',
        severity: 'E',
        params: { hours: 308.5, threshold: 308 },
        field: 'leaveDaysGranted',
        overridable: false,
      },
    ]);
  });

  it('beyond two months, granting no day of leave is a warning for the office', () => {
    expect(leaveFindings(400, 0)).toEqual([
      {
        code: 'legal.noLeaveOnLongInternship',
        severity: 'W',
        params: { hours: 400, threshold: 308 },
        field: 'leaveDaysGranted',
        overridable: true,
      },
    ]);
  });

  it('beyond two months, some days of leave are fine', () => {
    expect(leaveFindings(400, 2.5)).toEqual([]);
  });
});
