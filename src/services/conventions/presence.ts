import { presenceBreakdown, type PresenceBreakdown } from '../../domain/presenceBreakdown';
import type { Convention } from '../../models/conventionRepository';

export type PresenceFields = Pick<
  Convention,
  | 'startDate'
  | 'endDate'
  | 'interruptions'
  | 'weeklySchedule'
  | 'nightPresence'
  | 'nightHours'
  | 'sundayPresence'
  | 'sundayHours'
  | 'holidayPresence'
  | 'holidayHours'
>;

/** Hours declared outside the weekly schedule (nights, occasional Sundays, public holidays): they add to the total. */
export function additionalHoursOf(fields: PresenceFields): number {
  const declared = (present: boolean, hours: number | null) => (present ? (hours ?? 0) : 0);
  return (
    declared(fields.nightPresence, fields.nightHours) +
    declared(fields.sundayPresence, fields.sundayHours) +
    declared(fields.holidayPresence, fields.holidayHours)
  );
}

/**
 * The presence a convention's calendar gives: the one computation behind the stored computed total, the monthly
 * gratification check and the 12-week average. Null before the internship step gives dates and a schedule.
 */
export function presenceOf(fields: PresenceFields): PresenceBreakdown | null {
  if (!fields.startDate || !fields.endDate || !fields.weeklySchedule) return null;
  return presenceBreakdown({
    startDate: fields.startDate,
    endDate: fields.endDate,
    interruptions: fields.interruptions,
    weeklySchedule: fields.weeklySchedule,
    additionalHours: additionalHoursOf(fields),
  });
}
