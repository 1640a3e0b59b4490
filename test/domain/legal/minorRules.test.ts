import { evaluateConvention, Finding } from '../../../src/domain/legalRules';
import { regularSchedule } from '../../../src/domain/weeklySchedule';
import { validConvention } from './conventionInput';

function summary(findings: Finding[]): string[] {
  return findings.map((finding) => `${finding.severity} ${finding.code} ${finding.field}`);
}

const minor = { declaredTotalHours: null, computedTotalHours: 280, isMinor: true };

describe('an intern under 18', () => {
  it.each([
    [regularSchedule([1, 2, 3, 4], 8), []],
    [regularSchedule([1, 2, 3, 4], 8.5), ['E legal.minorDailyHoursExceeded dayHours1']],
    [[7, 8.5, 7, 7, 5, 0, 0], ['E legal.minorDailyHoursExceeded dayHours2']],
    [regularSchedule([1, 2, 3, 4, 5], 7), []],
    [
      regularSchedule([1, 2, 3, 4, 5], 7.5),
      ['W legal.aboveUsualWeeklyHours weeklySchedule', 'E legal.minorWeeklyHoursExceeded weeklySchedule'],
    ],
    [[7, 7, 7, 0, 7, 7, 0], ['E legal.minorRestDays weeklySchedule']],
    [[6, 6, 6, 6, 6, 5, 0], ['E legal.minorRestDays weeklySchedule']],
    [[0, 7, 7, 7, 7, 7, 0], []],
  ])('with the week %j finds %j', (weeklySchedule, expected) => {
    expect(summary(evaluateConvention(validConvention({ ...minor, weeklySchedule })))).toEqual(expected);
  });

  it.each([
    [
      'night presence',
      { nightPresence: true, nightHours: 0, nightDescription: 'Inventaire' },
      ['E legal.minorNightPresence nightPresence'],
    ],
    [
      'Sundays in the schedule',
      { weeklySchedule: [0, 0, 7, 7, 7, 7, 7], sundayDescription: 'Marché' },
      ['E legal.minorSundayPresence minorDerogation'],
    ],
    [
      'Sundays in the schedule, with the derogation',
      { weeklySchedule: [0, 0, 7, 7, 7, 7, 7], sundayDescription: 'Marché', minorDerogation: 'Fleuriste, accord de branche' },
      [],
    ],
    [
      'occasional Sundays',
      { sundayPresence: true, sundayHours: 7, sundayDescription: 'Salon' },
      ['E legal.minorSundayPresence minorDerogation'],
    ],
    [
      'a public holiday',
      { holidayPresence: true, holidayHours: 7, holidayDescription: '1er mai' },
      ['E legal.minorHolidayPresence minorDerogation'],
    ],
    [
      'a public holiday, with the derogation',
      { holidayPresence: true, holidayHours: 7, holidayDescription: '1er mai', minorDerogation: 'Hôtellerie, accord collectif' },
      [],
    ],
    [
      'a blank derogation',
      { holidayPresence: true, holidayHours: 7, holidayDescription: '1er mai', minorDerogation: '  ' },
      ['E legal.minorHolidayPresence minorDerogation'],
    ],
  ])('%s finds %j', (_label, changes, expected) => {
    expect(summary(evaluateConvention(validConvention({ ...minor, ...changes })))).toEqual(expected);
  });

  it('does not apply to adults', () => {
    const changes = {
      ...minor,
      isMinor: false,
      weeklySchedule: [7, 7, 7, 0, 7, 7, 0],
      nightPresence: true,
      nightHours: 0,
      nightDescription: 'description',
      holidayPresence: true,
      holidayHours: 7,
      holidayDescription: '1er mai',
    };
    expect(evaluateConvention(validConvention(changes))).toEqual([]);
  });
});
