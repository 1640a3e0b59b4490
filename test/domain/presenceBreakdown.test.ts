import { highestAverageWeeklyHours, presenceBreakdown } from '../../src/domain/presenceBreakdown';

const FULL_TIME = [7, 7, 7, 7, 7, 0, 0];

describe('presence month by month and week by week', () => {
  it('counts each calendar month, a partial first and last month and a short February included', () => {
    const presence = presenceBreakdown({ startDate: '2026-01-19', endDate: '2026-04-17', weeklySchedule: FULL_TIME });
    expect(presence.byMonth).toEqual([
      { month: '2026-01', hours: 70 },
      { month: '2026-02', hours: 140 },
      { month: '2026-03', hours: 154 },
      { month: '2026-04', hours: 84 },
    ]);
    expect(presence.hours).toBe(448);
  });

  it('keeps a month without presence (an interruption) in the list', () => {
    const presence = presenceBreakdown({
      startDate: '2026-01-26',
      endDate: '2026-03-06',
      weeklySchedule: FULL_TIME,
      interruptions: [{ start: '2026-02-01', end: '2026-02-28' }],
    });
    expect(presence.byMonth).toEqual([
      { month: '2026-01', hours: 35 },
      { month: '2026-02', hours: 0 },
      { month: '2026-03', hours: 35 },
    ]);
  });

  it('adds the declared night, Sunday and holiday hours to the total, shared by the months in proportion', () => {
    const presence = presenceBreakdown({ startDate: '2026-03-02', endDate: '2026-04-30', weeklySchedule: FULL_TIME, additionalHours: 14 });
    expect(presence).toMatchObject({ scheduledHours: 301, additionalHours: 14, hours: 315 });
    expect(presence.byMonth).toEqual([
      { month: '2026-03', hours: 161.16 },
      { month: '2026-04', hours: 153.84 },
    ]);
  });

  it('names each ISO week by its Monday, a partial first week included', () => {
    const presence = presenceBreakdown({ startDate: '2026-01-07', endDate: '2026-01-20', weeklySchedule: [7, 10.5, 7, 7, 4, 0, 0] });
    expect(presence.byWeek).toEqual([
      { week: '2026-01-05', hours: 18 },
      { week: '2026-01-12', hours: 35.5 },
      { week: '2026-01-19', hours: 17.5 },
    ]);
  });
});

describe('the highest 12-week average (L3121-22)', () => {
  const weeks = (hours: number[]) => hours.map((value, index) => ({ week: `w${index}`, hours: value }));

  it.each([
    ['12 weeks of 45 h', Array(12).fill(45), 45],
    ['13 weeks of 45 h', Array(13).fill(45), 45],
    ['11 weeks of 48 h, averaged over 12', Array(11).fill(48), 44],
    ['6 weeks of 48 h, averaged over 12', Array(6).fill(48), 24],
    ['a light week inside 12 weeks of 45 h', [...Array(6).fill(45), 33, ...Array(5).fill(45)], 44],
    ['the busiest run of 12 within 20 weeks', [...Array(8).fill(35), ...Array(12).fill(46)], 46],
    ['no week', [], 0],
  ])('%s is %d h', (_label, hours, average) => {
    expect(highestAverageWeeklyHours(weeks(hours), 12)).toBe(average);
  });
});
