import { clockFor } from '../../src/clock';
import { academicYearOf } from '../../src/domain/academicYear';
import { addDays, toDayNumber, yearOf, type IsoDate } from '../../src/domain/calendarDate';
import type { Clock } from '../../src/clock';

/**
 * The one clock of a test run: the system's, or the day PSTAGE_TODAY names (CI runs the suite on several days
 * of the year). Test apps are started with it and every fixture date is derived from it.
 */
export const testClock = clockFor({ production: false, today: process.env.PSTAGE_TODAY || undefined });

export const today = testClock.today();
export const tomorrow = addDays(today, 1);
export const yesterday = addDays(today, -1);
/** The academic year today falls in ('2026-2027'). */
export const currentAcademicYear = academicYearOf(today);
/** The calendar year after today's: internships there never start in the past. */
export const nextYear = yearOf(today) + 1;

export interface MovableClock extends Clock {
  /** From now on, today is `day` (and, with `movesNow`, now is `laterMs` further: a code that expires in minutes). */
  moveTo(day: IsoDate, laterMs?: number): void;
  /** Back to the run's today. */
  reset(): void;
}

/**
 * The run's clock, whose business day a test can move (to the end of an internship, say). Only `today()` moves:
 * `now()` stays the run's (unless `movesNow`), so that sessions, LTI tokens and timestamps behave as usual.
 */
export function movableClock(options: { movesNow?: boolean } = {}): MovableClock {
  let offsetDays = 0;
  let laterMs = 0;
  return {
    // Moving now too expires sessions opened before: only for tests of what expires (a signature link).
    now: () => new Date(testClock.now().getTime() + (options.movesNow ? offsetDays * 24 * 60 * 60 * 1000 + laterMs : 0)),
    today: () => addDays(testClock.today(), offsetDays),
    moveTo(day, later = 0) {
      offsetDays = toDayNumber(day) - toDayNumber(testClock.today());
      laterMs = later;
    },
    reset() {
      offsetDays = 0;
      laterMs = 0;
    },
  };
}
