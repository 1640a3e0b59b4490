import { longestRestRun, presenceWeekdays, regularSchedule, scheduleWeeklyHours, uniformDailyHours } from '../../src/domain/weeklySchedule';

describe('a weekly schedule', () => {
  it.each([
    [[1, 2, 3, 4, 5], 7, [7, 7, 7, 7, 7, 0, 0]],
    [[1, 1, 3], 8, [8, 0, 8, 0, 0, 0, 0]],
    [[6, 7], 5.5, [0, 0, 0, 0, 0, 5.5, 5.5]],
    [[], 7, [0, 0, 0, 0, 0, 0, 0]],
  ])('days %j at %d h a day is %j', (days, hours, expected) => {
    expect(regularSchedule(days, hours)).toEqual(expected);
  });

  it.each([
    [[7, 7, 7, 7, 7, 0, 0], 35, 7, [1, 2, 3, 4, 5]],
    [[7, 10.5, 7, 7, 4, 0, 0], 35.5, null, [1, 2, 3, 4, 5]],
    [[8, 8, 8, 8, 8, 8, 0], 48, 8, [1, 2, 3, 4, 5, 6]],
    [[7.25, 7.25, 7.25, 7.25, 7.25, 0, 0], 36.25, 7.25, [1, 2, 3, 4, 5]],
    [[0, 0, 0, 0, 0, 0, 0], 0, null, []],
  ])('%j makes %d h a week, %p h every day, on days %j', (schedule, weekly, uniform, days) => {
    expect(scheduleWeeklyHours(schedule)).toBe(weekly);
    expect(uniformDailyHours(schedule)).toBe(uniform);
    expect(presenceWeekdays(schedule)).toEqual(days);
  });

  it.each([
    [[7, 7, 7, 7, 7, 0, 0], 2],
    [[0, 7, 7, 7, 7, 7, 0], 2],
    [[7, 7, 7, 0, 7, 7, 0], 1],
    [[7, 7, 7, 7, 7, 7, 0], 1],
    [[7, 7, 7, 7, 7, 7, 7], 0],
    [[7, 7, 7, 0, 0, 0, 0], 4],
    [[0, 0, 0, 0, 0, 0, 0], 7],
  ])('%j leaves at most %i consecutive rest days (Sunday is followed by Monday)', (schedule, rest) => {
    expect(longestRestRun(schedule)).toBe(rest);
  });
});
