import { evaluateConvention, Finding } from '../../../src/domain/legalRules';
import { regularSchedule } from '../../../src/domain/weeklySchedule';
import { validConvention } from './conventionInput';

function summary(findings: Finding[]): string[] {
  return findings.map((finding) => `${finding.severity} ${finding.code} ${finding.field}`);
}

/** Totals are not checked here: declared null leaves the computed total alone. */
const base = { declaredTotalHours: null, computedTotalHours: 280 };

describe('daily and weekly working time, day by day', () => {
  it.each([
    [regularSchedule([1, 2, 3], 10), []],
    [regularSchedule([1, 2, 3], 10.5), ['E legal.dailyHoursExceeded dayHours1']],
    [[7, 10, 7, 7, 4, 0, 0], []],
    [
      [7, 10.5, 7, 7, 4, 0, 0],
      ['E legal.dailyHoursExceeded dayHours2', 'W legal.aboveUsualWeeklyHours weeklySchedule'],
    ],
    [[0, 0, 0, 0, 0, 10.25, 0], ['E legal.dailyHoursExceeded dayHours6']],
    [regularSchedule([1, 2, 3, 4, 5], 7), []],
    [regularSchedule([1, 2, 3, 4, 5], 7.25), ['W legal.aboveUsualWeeklyHours weeklySchedule']],
    [regularSchedule([1, 2, 3, 4, 5, 6], 8), ['W legal.aboveUsualWeeklyHours weeklySchedule']],
    [regularSchedule([1, 2, 3, 4, 5, 6], 8.25), ['E legal.weeklyHoursExceeded weeklySchedule']],
    [[10, 10, 10, 10, 8, 0, 0], ['W legal.aboveUsualWeeklyHours weeklySchedule']],
    [[10, 10, 10, 10, 8.25, 0, 0], ['E legal.weeklyHoursExceeded weeklySchedule']],
  ])('the week %j finds %j', (weeklySchedule, expected) => {
    expect(summary(evaluateConvention(validConvention({ ...base, weeklySchedule })))).toEqual(expected);
  });

  it('names the longest day, its hours, the limit and how many days pass it', () => {
    const [irregular] = evaluateConvention(validConvention({ ...base, weeklySchedule: [7, 10.5, 11, 7, 0, 0, 0] }));
    expect(irregular.params).toEqual({ day: 3, hours: 11, max: 10, count: 2 });
    const [regular] = evaluateConvention(validConvention({ ...base, weeklySchedule: regularSchedule([1, 2, 3], 12) }));
    expect(regular).toMatchObject({ field: 'dayHours1', params: { day: 1, hours: 12, max: 10, count: 3 } });
  });

  it.each([
    [39, 39, false],
    [39, 40, true],
    [null, 35, false],
    [null, 36, true],
  ])('a host whose usual week is %p h warns at %d h: %s', (hostUsualWeeklyHours, weekly, warned) => {
    const findings = evaluateConvention(
      validConvention({ ...base, hostUsualWeeklyHours, weeklySchedule: regularSchedule([1, 2, 3, 4], weekly / 4) }),
    );
    expect(summary(findings)).toEqual(warned ? ['W legal.aboveUsualWeeklyHours weeklySchedule'] : []);
  });
});

describe('the 44 h average over 12 consecutive weeks (L3121-22)', () => {
  /** 5 January – 27 March 2026: 12 full weeks without a public holiday. */
  const twelveWeeks = { startDate: '2026-01-05', endDate: '2026-03-27', today: '2026-01-01' };

  it.each([
    ['44 h a week for 12 weeks', twelveWeeks, 8.8, []],
    ['44.5 h a week for 12 weeks', twelveWeeks, 8.9, ['E legal.averageWeeklyHoursExceeded weeklySchedule']],
    ['48 h a week for 12 weeks', twelveWeeks, 9.6, ['E legal.averageWeeklyHoursExceeded weeklySchedule']],
    ['48 h a week for 11 weeks: 44 h over any 12', { ...twelveWeeks, endDate: '2026-03-20' }, 9.6, []],
    ['45 h a week for 8 weeks', { ...twelveWeeks, endDate: '2026-02-27' }, 9, []],
    ['45 h a week for 12 weeks with five May holidays', { startDate: '2026-03-30', endDate: '2026-06-19', today: '2026-01-01' }, 9, []],
    [
      '45 h a week for 20 weeks, holidays only in the last ones',
      { ...twelveWeeks, endDate: '2026-05-22' },
      9,
      ['E legal.averageWeeklyHoursExceeded weeklySchedule'],
    ],
  ])('%s finds %j (besides the usual-hours warning)', (_label, dates, hoursPerDay, expected) => {
    const findings = evaluateConvention(
      validConvention({ ...base, ...dates, weeklySchedule: regularSchedule([1, 2, 3, 4, 5], hoursPerDay) }),
    );
    const found = summary(findings).filter((line) => !line.includes('aboveUsualWeeklyHours'));
    expect(found).toEqual(expected);
  });

  it('gives the average, the limit and the period', () => {
    const findings = evaluateConvention(validConvention({ ...base, ...twelveWeeks, weeklySchedule: regularSchedule([1, 2, 3, 4, 5], 9) }));
    expect(findings).toEqual([
      {
        code: 'legal.averageWeeklyHoursExceeded',
        severity: 'E',
        params: { average: 45, max: 44, weeks: 12 },
        field: 'weeklySchedule',
        overridable: false,
      },
    ]);
  });
});

describe('night, Sunday and public-holiday presence', () => {
  it.each([
    [{ nightPresence: true, nightHours: 0 }, ['E legal.nightPresenceUndescribed nightDescription']],
    [{ nightPresence: true, nightHours: 0, nightDescription: '  ' }, ['E legal.nightPresenceUndescribed nightDescription']],
    [{ nightPresence: true, nightHours: 0, nightDescription: 'Astreintes de 22 h à 6 h' }, []],
    [{ nightPresence: true, nightDescription: 'Astreintes de 22 h à 6 h' }, ['E legal.nightHoursMissing nightHours']],
    [{ sundayPresence: true, sundayHours: 14 }, ['E legal.sundayPresenceUndescribed sundayDescription']],
    [{ sundayPresence: true, sundayHours: 14, sundayDescription: 'Marchés du dimanche' }, []],
    [{ sundayPresence: true, sundayDescription: 'Marchés du dimanche' }, ['E legal.sundayHoursMissing sundayHours']],
    [{ weeklySchedule: regularSchedule([3, 4, 5, 6, 7], 7) }, ['E legal.sundayPresenceUndescribed sundayDescription']],
    [{ weeklySchedule: regularSchedule([3, 4, 5, 6, 7], 7), sundayDescription: 'Accueil du public' }, []],
    [{ holidayPresence: true, holidayHours: 7 }, ['E legal.holidayPresenceUndescribed holidayDescription']],
    [{ holidayPresence: true, holidayHours: 7, holidayDescription: 'Permanence du 14 juillet' }, []],
    [{ holidayPresence: true, holidayDescription: 'Permanence du 14 juillet' }, ['E legal.holidayHoursMissing holidayHours']],
    [{ nightDescription: 'sans objet' }, []],
  ])('%j finds %j', (changes, expected) => {
    expect(summary(evaluateConvention(validConvention({ ...base, ...changes })))).toEqual(expected);
  });
});
