import { publicHolidayDatesOfHost, type HostLocation } from '../../domain/holidays';
import { presenceBreakdown, type BreakdownInput, type PresenceBreakdown } from '../../domain/presenceBreakdown';
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
 * What a convention's presence is computed from: its dates, weekly schedule and interruptions, on the public
 * holidays of its host's calendar (the country's; Alsace-Moselle's in France; France's when the host or its country
 * is unknown), plus the declared additional hours. Null before the internship step gives dates and a schedule.
 */
export function presenceInputOf(fields: PresenceFields, host: HostLocation | undefined): BreakdownInput | null {
  if (!fields.startDate || !fields.endDate || !fields.weeklySchedule) return null;
  return {
    startDate: fields.startDate,
    endDate: fields.endDate,
    interruptions: fields.interruptions,
    weeklySchedule: fields.weeklySchedule,
    publicHolidays: publicHolidayDatesOfHost(host ?? {}),
    additionalHours: additionalHoursOf(fields),
  };
}

/**
 * The presence a convention's calendar gives: the one computation behind the stored computed total, the monthly
 * gratification check, the 12-week average and the cumulation at the host. Null before the internship step.
 */
export function presenceOf(fields: PresenceFields, host: HostLocation | undefined): PresenceBreakdown | null {
  const input = presenceInputOf(fields, host);
  return input && presenceBreakdown(input);
}
