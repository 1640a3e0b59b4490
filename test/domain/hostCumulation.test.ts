import { publicHolidayDatesOfHost } from '../../src/domain/holidays';
import { cumulate, gratificationBasis, laterCrossings } from '../../src/domain/hostCumulation';
import { stayOf } from '../../src/domain/hostStay';
import { legalEntityKey } from '../../src/domain/legalEntity';
import { regularSchedule } from '../../src/domain/weeklySchedule';

const places = {
  Paris: { country: 'FR', postalCode: '75005' },
  Strasbourg: { country: 'FR', postalCode: '67000' },
  Berlin: { country: 'DE', postalCode: '10115' },
};
type Place = keyof typeof places;

/** A convention Monday to Friday, 7 h a day, on the public holidays of its host's place. */
function stay(id: number, startDate: string, endDate: string, place: Place = 'Paris', workingDays = [1, 2, 3, 4, 5]) {
  const weeklySchedule = regularSchedule(workingDays, 7);
  const presence = { startDate, endDate, weeklySchedule, publicHolidays: publicHolidayDatesOfHost(places[place]) };
  return stayOf(id, presence, `CONV-${id}`);
}

describe("a convention's hours by academic year, on its host's calendar", () => {
  it.each<[string, string, string, Place, [string, number][]]>([
    [
      'over 31 August',
      '2026-07-01',
      '2026-09-30',
      'Paris',
      [
        ['2025-2026', 301],
        ['2026-2027', 154],
      ],
    ],
    ['ending on 31 August', '2026-07-01', '2026-08-31', 'Paris', [['2025-2026', 301]]],
    ['starting on 1 September', '2026-09-01', '2026-10-16', 'Paris', [['2026-2027', 238]]],
    ['over 1 January in Paris (25 Dec, 1 Jan)', '2025-12-22', '2026-01-09', 'Paris', [['2025-2026', 91]]],
    ['over 1 January in Strasbourg (and 26 Dec)', '2025-12-22', '2026-01-09', 'Strasbourg', [['2025-2026', 84]]],
    ['over Easter in Paris (Easter Monday)', '2026-03-30', '2026-04-10', 'Paris', [['2025-2026', 63]]],
    ['over Easter in Strasbourg (and Good Friday)', '2026-03-30', '2026-04-10', 'Strasbourg', [['2025-2026', 56]]],
    ['over 3 October in Berlin (German Unity Day)', '2025-09-29', '2025-10-10', 'Berlin', [['2025-2026', 63]]],
    ['over 3 October in Paris', '2025-09-29', '2025-10-10', 'Paris', [['2025-2026', 70]]],
    ['over 11 November in Berlin (a working day there)', '2025-11-10', '2025-11-14', 'Berlin', [['2025-2026', 35]]],
    ['over 11 November in Paris', '2025-11-10', '2025-11-14', 'Paris', [['2025-2026', 28]]],
  ])('%s: %s to %s in %s', (_label, start, end, place, expected) => {
    const result = stay(1, start, end, place);
    expect(result.hoursByYear.map((year) => [year.academicYear, year.hours])).toEqual(expected);
    expect(result.hours).toBe(expected.reduce((sum, [, hours]) => sum + hours, 0));
  });

  it.each<[string, string, Place, string]>([
    ['a Friday', '2026-08-28', 'Paris', '2026-08-31'],
    ['the day before 14 July', '2026-07-13', 'Paris', '2026-07-15'],
    ['the Thursday before Good Friday in Strasbourg', '2026-04-02', 'Strasbourg', '2026-04-07'],
    ['the Thursday before Good Friday in Paris', '2026-04-02', 'Paris', '2026-04-03'],
    ['Christmas Eve in Strasbourg (25 and 26 December)', '2025-12-24', 'Strasbourg', '2025-12-29'],
  ])('after %s (%s in %s) presence would resume on %s', (_label, end, place, expected) => {
    expect(stay(1, '2026-01-05', end, place).resumesBy).toBe(expected);
  });

  it('refuses a period longer than an internship instead of walking it', () => {
    expect(() => stay(1, '2000-01-01', '2099-12-31')).toThrow(RangeError);
  });
});

describe('the cumulation at one host', () => {
  it('adds the other conventions of the same academic year, consecutive or not (L124-6)', () => {
    const current = stay(1, '2026-06-01', '2026-07-17');
    const other = stay(2, '2026-03-02', '2026-03-27');
    const cumulation = cumulate(current, [other]);
    expect(cumulation.years).toEqual([{ academicYear: '2025-2026', hours: 238, otherHours: 140 }]);
    expect(cumulation.consecutiveWith).toEqual([]);
    expect(gratificationBasis(cumulation, 308)).toEqual({ total: 378, academicYear: '2025-2026' });
  });

  it('counts in each academic year only the hours that fall in it (a convention over 31 August)', () => {
    const current = stay(1, '2026-09-07', '2026-09-25');
    const straddling = stay(2, '2026-06-01', '2026-09-04');
    const cumulation = cumulate(current, [straddling]);
    expect(cumulation.years).toEqual([{ academicYear: '2026-2027', hours: 105, otherHours: 28 }]);
  });

  it.each<[string, string, string, boolean]>([
    ['the next day, over 31 August', '2026-08-31', '2026-09-01', true],
    ['after a weekend', '2026-08-28', '2026-08-31', true],
    ['after 14 July', '2026-07-13', '2026-07-15', true],
    ['with a working day missed between them', '2026-08-31', '2026-09-02', false],
    ['overlapping', '2026-08-31', '2026-08-17', true],
  ])('two conventions that follow one another %s (A ends %s, B starts %s) form one run: %s', (_label, endA, startB, unbroken) => {
    const a = stay(1, '2026-07-01', endA);
    const b = stay(2, startB, '2026-10-16');
    const cumulation = cumulate(b, [a]);
    expect(cumulation.consecutiveWith).toEqual(unbroken ? [1] : []);
    expect(cumulation.consecutiveHours).toBe(unbroken ? b.hours + a.hours : b.hours);
  });

  it('makes the gratification due over two academic years when the run exceeds 308 h, each year being under it', () => {
    const summer = stay(1, '2026-07-01', '2026-08-31');
    const autumn = stay(2, '2026-09-01', '2026-10-16');
    const cumulation = cumulate(autumn, [summer]);
    expect(cumulation.years).toEqual([{ academicYear: '2026-2027', hours: 238, otherHours: 0 }]);
    expect(gratificationBasis(cumulation, 308)).toEqual({ total: 539 });
    expect(gratificationBasis(cumulate(summer, [autumn]), 308)).toEqual({ total: 539 });
    const broken = stay(2, '2026-09-02', '2026-10-16');
    expect(gratificationBasis(cumulate(broken, [summer]), 308)).toBeNull();
  });

  it.each([
    [308, null],
    [308.01, { total: 308.01, academicYear: '2025-2026' }],
  ])('with %d h in the year the basis is %j', (hours, expected) => {
    expect(
      gratificationBasis(
        { years: [{ academicYear: '2025-2026', hours, otherHours: 0 }], consecutiveHours: hours, consecutiveWith: [] },
        308,
      ),
    ).toEqual(expected);
  });
});

describe('the re-check of an earlier convention when later ones cross a threshold', () => {
  const thresholds = { mandatoryAboveHours: 308, maxHoursPerHostPerAcademicYear: 924 };

  it('flags the earlier convention when a later one makes the year cross 308 h: gratification due from its first day', () => {
    const earlier = stay(1, '2026-03-02', '2026-03-27');
    const later = stay(2, '2026-06-01', '2026-07-17');
    expect(laterCrossings(earlier, [later], thresholds)).toEqual([
      { code: 'cumulation.gratificationDue', params: { total: 378, threshold: 308, academicYear: '2025-2026', by: 'CONV-2' } },
    ]);
    expect(laterCrossings(later, [earlier], thresholds)).toEqual([]);
  });

  it('flags the earlier convention of an unbroken run over two academic years', () => {
    const summer = stay(1, '2026-07-01', '2026-08-31');
    const autumn = stay(2, '2026-09-01', '2026-10-16');
    expect(laterCrossings(summer, [autumn], thresholds)).toEqual([
      { code: 'cumulation.gratificationDueConsecutive', params: { total: 539, threshold: 308, by: 'CONV-2' } },
    ]);
  });

  it('does not flag what the earlier conventions had already made due', () => {
    const first = stay(1, '2026-01-05', '2026-03-27');
    const second = stay(2, '2026-04-06', '2026-04-24');
    expect(laterCrossings(first, [second], thresholds)).toEqual([]);
  });

  it('does not flag a convention in another academic year and not in the same run', () => {
    const earlier = stay(1, '2026-03-02', '2026-06-26');
    const nextYear = stay(2, '2026-10-05', '2026-12-18');
    expect(laterCrossings(earlier, [nextYear], thresholds)).toEqual([]);
  });

  it('flags the 924 h cap crossed in the year by a later convention', () => {
    const earlier = stay(1, '2025-09-01', '2026-02-27');
    const later = stay(2, '2026-03-02', '2026-05-29');
    const flags = laterCrossings(earlier, [later], thresholds);
    expect(flags.map((flag) => flag.code)).toEqual(['cumulation.hostYearCap']);
    expect(flags[0].params).toMatchObject({ cap: 924, academicYear: '2025-2026', by: 'CONV-2' });
    expect(earlier.hours).toBeGreaterThan(308);
  });
});

describe('the legal entity a host record belongs to', () => {
  it.each([
    [{ organisationId: 1, siret: '55210055400013' }, 'siren:552100554'],
    [{ organisationId: 2, siret: '55210055400021' }, 'siren:552100554'],
    [{ organisationId: 3, siret: '552 100 554 00013' }, 'siren:552100554'],
    [{ organisationId: 4, siret: '552100554' }, 'siren:552100554'],
    [{ organisationId: 5, siret: null }, 'organisation:5'],
    [{ organisationId: 6, siret: '' }, 'organisation:6'],
    [{ organisationId: 7, siret: 'DE123456789' }, 'organisation:7'],
  ])('%j is %s', (host, expected) => {
    expect(legalEntityKey(host)).toBe(expected);
  });
});
