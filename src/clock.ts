import { addDays, isIsoDate, toDayNumber, type IsoDate } from './domain/calendarDate';

/** Where "now" and "today" come from: one clock for the process, built in the composition root, set by tests. */
export interface Clock {
  /** The current instant (for timestamps written next to business dates). */
  now(): Date;
  /** Today's date in France, 'YYYY-MM-DD': the day legal rules and the academic year are evaluated on. */
  today(): IsoDate;
}

const parisDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in France of an instant. */
export function parisDateOf(instant: Date): IsoDate {
  return parisDate.format(instant);
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => parisDateOf(new Date()),
};

/**
 * A clock whose today starts on `startDay` and then moves on with real time (timers, expiries and
 * durations stay real): how the whole application is run "on 15 January" outside production.
 */
export function clockStartingOn(startDay: IsoDate, real: Clock = systemClock): Clock {
  if (!isIsoDate(startDay)) throw new RangeError(`Not an ISO calendar date: ${startDay}`);
  const offsetDays = toDayNumber(startDay) - toDayNumber(real.today());
  return {
    now: () => new Date(real.now().getTime() + offsetDays * 86_400_000),
    today: () => addDays(real.today(), offsetDays),
  };
}

/** The application's clock: the system's, or outside production the day given by PSTAGE_TODAY. */
export function clockFor(config: { production: boolean; today?: IsoDate }): Clock {
  return !config.production && config.today ? clockStartingOn(config.today) : systemClock;
}
