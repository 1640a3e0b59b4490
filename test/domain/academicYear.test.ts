import {
  academicYearBounds,
  academicYearOf,
  academicYearSlices,
  DEFAULT_ACADEMIC_YEAR_START,
  parseAcademicYearStart,
} from '../../src/domain/academicYear';

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

describe('an institution whose academic year starts on another day', () => {
  const october = parseAcademicYearStart('10-01')!;

  it.each([
    ['2026-09-30', '2025-2026'],
    ['2026-10-01', '2026-2027'],
    ['2027-01-01', '2026-2027'],
  ])('with years from 1 October, %s belongs to %s', (date, expected) => {
    expect(academicYearOf(date, october)).toBe(expected);
  });

  it('gives the bounds from that day', () => {
    expect(academicYearBounds('2025-2026', october)).toEqual({ start: '2025-10-01', end: '2026-09-30' });
    expect(academicYearBounds('2025-2026', parseAcademicYearStart('08-15')!)).toEqual({ start: '2025-08-15', end: '2026-08-14' });
  });

  it.each([
    ['09-01', { month: 9, day: 1 }],
    ['10-01', { month: 10, day: 1 }],
    [' 08-15 ', { month: 8, day: 15 }],
    ['02-29', null],
    ['13-01', null],
    ['09-31', null],
    ['9-1', null],
    ['', null],
  ])('reads ACADEMIC_YEAR_START %j as %j', (value, expected) => {
    expect(parseAcademicYearStart(value)).toEqual(expected);
  });
});

describe('the academic years a period touches', () => {
  it.each([
    ['inside one year', '2026-03-02', '2026-06-26', DEFAULT_ACADEMIC_YEAR_START, [['2025-2026', '2026-03-02', '2026-06-26']]],
    [
      'over 31 August',
      '2026-07-01',
      '2026-09-30',
      DEFAULT_ACADEMIC_YEAR_START,
      [
        ['2025-2026', '2026-07-01', '2026-08-31'],
        ['2026-2027', '2026-09-01', '2026-09-30'],
      ],
    ],
    ['ending on 31 August', '2026-07-01', '2026-08-31', DEFAULT_ACADEMIC_YEAR_START, [['2025-2026', '2026-07-01', '2026-08-31']]],
    ['starting on 1 September', '2026-09-01', '2026-09-30', DEFAULT_ACADEMIC_YEAR_START, [['2026-2027', '2026-09-01', '2026-09-30']]],
    ['over 1 January', '2026-12-01', '2027-01-29', DEFAULT_ACADEMIC_YEAR_START, [['2026-2027', '2026-12-01', '2027-01-29']]],
    [
      'over 30 September with years from 1 October',
      '2026-09-01',
      '2026-10-30',
      { month: 10, day: 1 },
      [
        ['2025-2026', '2026-09-01', '2026-09-30'],
        ['2026-2027', '2026-10-01', '2026-10-30'],
      ],
    ],
    [
      'two years long',
      '2026-03-02',
      '2028-03-02',
      DEFAULT_ACADEMIC_YEAR_START,
      [
        ['2025-2026', '2026-03-02', '2026-08-31'],
        ['2026-2027', '2026-09-01', '2027-08-31'],
        ['2027-2028', '2027-09-01', '2028-03-02'],
      ],
    ],
  ])('%s: %s to %s', (_label, from, to, start, expected) => {
    expect(academicYearSlices(from, to, start).map((slice) => [slice.academicYear, slice.start, slice.end])).toEqual(expected);
  });
});
