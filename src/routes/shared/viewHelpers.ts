import type { NextFunction, Request, Response } from 'express';
import { certificateReviewableStates, conventionSteps, isPrintableAsFinal, startFlag } from '../../domain/conventionStatus';
import { conventionTotalHours } from '../../domain/hours';
import { isMinorOn } from '../../domain/minority';
import { defaultThresholds, gratificationRatesFor } from '../../domain/thresholds';
import { hoursOn, presenceWeekdays, scheduleWeeklyHours, uniformDailyHours } from '../../domain/weeklySchedule';
import { countryName, countryOptions } from '../../domain/formats/countries';
import { colon, formatAmount, formatCivility, formatDate, formatNumber, formatPersonName } from '../../format';
import { auditEntryText } from './auditSentence';

/** What every page's view may use: formatting in the page's language, and the rules the views show, from their one source. */
export function setUpViewHelpers() {
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.formatDate = (value: string | Date | null | undefined) => formatDate(value, req.locale);
    res.locals.formatNumber = (value: number | null | undefined) => formatNumber(value, req.locale);
    res.locals.formatAmount = (value: number | null | undefined) => formatAmount(value, req.locale);
    /** What follows a label: ' :' with a no-break space in French, ':' in English. */
    res.locals.colon = colon(req.locale);
    /** Civilities as the page's language writes them (Mr, Ms in English), and a person named with theirs. */
    res.locals.civility = (value: string | null | undefined) => formatCivility(value, req.locale);
    res.locals.personName = (person: Parameters<typeof formatPersonName>[0]) => formatPersonName(person, req.locale);
    /** The countries to pick from and a code's name, in the page's language. */
    res.locals.countryOptions = () => countryOptions(req.locale);
    res.locals.countryName = (code: string | null | undefined) => (code ? countryName(code, req.locale) : '');
    res.locals.scheduleWeeklyHours = (schedule: readonly number[] | null | undefined) => (schedule ? scheduleWeeklyHours(schedule) : null);
    /** A weekly schedule in words: 'lundi, mardi : 7 h par jour', or each day with its hours when they vary. */
    res.locals.formatSchedule = (schedule: readonly number[] | null | undefined) => {
      if (!schedule) return '';
      const days = presenceWeekdays(schedule);
      const uniform = uniformDailyHours(schedule);
      const name = (day: number) => req.t(`student.weekday.${day}`);
      if (uniform !== null)
        return req.t('student.schedule.regular', { days: days.map(name).join(', '), hours: formatNumber(uniform, req.locale) });
      return days
        .map((day) => req.t('student.schedule.day', { day: name(day), hours: formatNumber(hoursOn(schedule, day), req.locale) }))
        .join(', ');
    };
    /** An audit entry as a sentence naming its party, with its other details labelled (see auditSentence). */
    res.locals.auditText = (entry: { action: string; details: unknown }) => auditEntryText(req.t, entry);
    res.locals.rules = {
      minTeachingHours: defaultThresholds.programme.minTeachingHoursPerYear,
      /** The legal thresholds the help texts quote (hours limits, gratification), from their one table. */
      thresholds: defaultThresholds,
      /** The gratification rates of a date's year (null before the table starts), for the help texts. */
      gratificationRatesFor: (date: string) => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? gratificationRatesFor(date) : null),
      conventionSteps,
      certificateReviewableStates,
      isPrintableAsFinal,
      startFlag,
      isMinorOn,
      conventionTotalHours,
    };
    next();
  };
}
