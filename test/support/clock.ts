import { clockFor } from '../../src/clock';
import { academicYearOf } from '../../src/domain/academicYear';
import { addDays, yearOf } from '../../src/domain/calendarDate';

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
