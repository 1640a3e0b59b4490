import { academicYearBounds, academicYearOf } from '../../src/domain/academicYear';

describe('academic year of a date', () => {
  it.each([
    ['2026-11-26', '2026-2027'],
    ['2026-09-01', '2026-2027'],
    ['2026-08-31', '2025-2026'],
    ['2026-01-01', '2025-2026'],
    ['2025-12-31', '2025-2026'],
  ])('%s belongs to %s', (date, expected) => {
    expect(academicYearOf(date)).toBe(expected);
  });

  it.each(['2026-13-01', '26-11-01', ''])('refuses %j', (date) => {
    expect(() => academicYearOf(date)).toThrow(RangeError);
  });

  it('gives the bounds of an academic year', () => {
    expect(academicYearBounds('2025-2026')).toEqual({ start: '2025-09-01', end: '2026-08-31' });
  });

  it.each(['2025-2027', '2025', 'abcd-efgh'])('refuses the academic year %j', (value) => {
    expect(() => academicYearBounds(value)).toThrow(RangeError);
  });
});
