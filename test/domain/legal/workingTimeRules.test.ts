import { evaluateConvention, Finding } from '../../../src/domain/legalRules';
import { validConvention } from './conventionInput';

function summary(findings: Finding[]): string[] {
  return findings.map((finding) => `${finding.severity} ${finding.code} ${finding.field}`);
}

/** Totals are not checked here: declared null leaves the computed total alone. */
const base = { declaredTotalHours: null, computedTotalHours: 280 };

describe('daily and weekly working time', () => {
  it.each([
    [[1, 2, 3], 10, []],
    [[1, 2, 3], 10.5, ['E legal.dailyHoursExceeded hoursPerDay']],
    [[1, 2, 3, 4, 5], 7, []],
    [[1, 2, 3, 4, 5], 7.25, ['W legal.aboveUsualWeeklyHours workingDays']],
    [[1, 2, 3, 4, 5, 6], 8, ['W legal.aboveUsualWeeklyHours workingDays']],
    [[1, 2, 3, 4, 5, 6], 8.25, ['E legal.weeklyHoursExceeded workingDays']],
  ])('days %j at %d h a day find %j', (workingDays, hoursPerDay, expected) => {
    expect(summary(evaluateConvention(validConvention({ ...base, workingDays, hoursPerDay })))).toEqual(expected);
  });

  it.each([
    [39, 39, false],
    [39, 40, true],
    [null, 35, false],
    [null, 36, true],
  ])('a host whose usual week is %p h warns at %d h: %s', (hostUsualWeeklyHours, weekly, warned) => {
    const findings = evaluateConvention(
      validConvention({ ...base, hostUsualWeeklyHours, workingDays: [1, 2, 3, 4], hoursPerDay: weekly / 4 }),
    );
    expect(summary(findings)).toEqual(warned ? ['W legal.aboveUsualWeeklyHours workingDays'] : []);
  });

  it('gives the hours and the limit', () => {
    const findings = evaluateConvention(validConvention({ ...base, hoursPerDay: 11, workingDays: [1, 2, 3] }));
    expect(findings[0].params).toEqual({ hours: 11, max: 10 });
  });
});

describe('night, Sunday and public-holiday presence', () => {
  it.each([
    [{ nightPresence: true }, ['E legal.nightPresenceUndescribed nightDescription']],
    [{ nightPresence: true, nightDescription: '  ' }, ['E legal.nightPresenceUndescribed nightDescription']],
    [{ nightPresence: true, nightDescription: 'Astreintes de 22 h à 6 h' }, []],
    [{ sundayPresence: true }, ['E legal.sundayPresenceUndescribed sundayDescription']],
    [{ sundayPresence: true, sundayDescription: 'Marchés du dimanche' }, []],
    [{ workingDays: [3, 4, 5, 6, 7] }, ['E legal.sundayPresenceUndescribed sundayDescription']],
    [{ workingDays: [3, 4, 5, 6, 7], sundayDescription: 'Accueil du public' }, []],
    [{ holidayPresence: true }, ['E legal.holidayPresenceUndescribed holidayDescription']],
    [{ holidayPresence: true, holidayDescription: 'Permanence du 14 juillet' }, []],
    [{ nightDescription: 'sans objet' }, []],
  ])('%j finds %j', (changes, expected) => {
    expect(summary(evaluateConvention(validConvention({ ...base, ...changes })))).toEqual(expected);
  });
});

describe('minors', () => {
  it.each([
    [[1, 2, 3, 4], 8, false, []],
    [[1, 2, 3, 4], 8.5, false, ['E legal.minorDailyHoursExceeded hoursPerDay']],
    [[1, 2, 3, 4, 5], 7, false, []],
    [[1, 2, 3, 4, 5], 7.5, false, ['W legal.aboveUsualWeeklyHours workingDays', 'E legal.minorWeeklyHoursExceeded workingDays']],
    [[1, 2, 3, 4, 5], 7, true, ['E legal.minorNightPresence nightPresence']],
  ])('days %j at %d h, night %s, find %j', (workingDays, hoursPerDay, nightPresence, expected) => {
    const changes = { ...base, isMinor: true, workingDays, hoursPerDay, nightPresence, nightDescription: 'description' };
    expect(summary(evaluateConvention(validConvention(changes)))).toEqual(expected);
  });

  it('does not apply to adults', () => {
    const changes = { ...base, workingDays: [1, 2, 3, 4, 5], hoursPerDay: 7, nightPresence: true, nightDescription: 'description' };
    expect(evaluateConvention(validConvention(changes))).toEqual([]);
  });
});
