import { z } from 'zod';
import { withinInternshipSpan } from '../../../../domain/hours';
import { regularSchedule, SUNDAY, WEEKDAYS } from '../../../../domain/weeklySchedule';
import { crossChecks, defineForm, fieldLabels } from '../../../shared/validate';
import { optionalDate, optionalDecimal, optionalText, requiredDate, requiredText, yesNo } from '../../../shared/formFields';

const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const hoursOfDay = () => optionalDecimal(24);

/**
 * A regular week is entered as its days and one number of hours (the quick, default way); a week whose hours
 * vary, as the hours of each day (`dayHours1` Monday … `dayHours7` Sunday). Both give `weeklySchedule`.
 */

const internshipFields = z.object({
  internshipType: requiredText(60),
  activities: requiredText(4000),
  skills: requiredText(4000),
  startDate: requiredDate(),
  endDate: requiredDate(),
  interruption1Start: optionalDate(),
  interruption1End: optionalDate(),
  interruption2Start: optionalDate(),
  interruption2End: optionalDate(),
  scheduleKind: z.enum(['regular', 'irregular'], { error: 'student.errors.choose' }),
  workingDays: z.preprocess(list, z.array(z.coerce.number().int().min(1).max(7))),
  hoursPerDay: optionalDecimal(24),
  dayHours1: hoursOfDay(),
  dayHours2: hoursOfDay(),
  dayHours3: hoursOfDay(),
  dayHours4: hoursOfDay(),
  dayHours5: hoursOfDay(),
  dayHours6: hoursOfDay(),
  dayHours7: hoursOfDay(),
  irregularSchedule: optionalText(2000),
  nightPresence: yesNo(),
  nightDescription: optionalText(1000),
  nightHours: optionalDecimal(10000),
  sundayPresence: yesNo(),
  sundayDescription: optionalText(1000),
  sundayHours: optionalDecimal(10000),
  holidayPresence: yesNo(),
  holidayDescription: optionalText(1000),
  holidayHours: optionalDecimal(10000),
  minorDerogation: optionalText(1000),
  declaredTotalHours: optionalDecimal(10000),
  declaredTotalReason: optionalText(1000),
  gratificationAmount: optionalDecimal(100000),
  gratificationUnit: z.enum(['hour', 'month'], { error: 'student.errors.choose' }),
  paymentTerms: optionalText(500),
  benefitMeals: optionalText(500),
  benefitLodging: optionalText(500),
  benefitTravel: optionalText(500),
  place: optionalText(300),
  confidentiality: optionalText(1000),
});

type InternshipFields = z.output<typeof internshipFields>;
const dayFields = WEEKDAYS.map((day) => `dayHours${day}` as `dayHours${1 | 2 | 3 | 4 | 5 | 6 | 7}`);

export const internshipSchema = internshipFields
  .superRefine(
    ...crossChecks<InternshipFields>(({ form, parsed, issue }) => {
      const datesKnown = parsed('startDate', 'endDate');
      if (datesKnown && form.endDate < form.startDate) issue('endDate', 'student.errors.endBeforeStart');
      else if (datesKnown && !withinInternshipSpan(form.startDate, form.endDate)) issue('endDate', 'student.errors.internshipTooLong');
      if (parsed('scheduleKind', 'workingDays', 'hoursPerDay', ...dayFields)) {
        if (form.scheduleKind === 'regular') {
          if (form.workingDays.length === 0) issue('workingDays', 'student.errors.workingDays');
          if (!form.hoursPerDay) issue('hoursPerDay', form.hoursPerDay === null ? 'student.errors.required' : 'student.errors.positive');
        } else if (dayHoursOf(form).every((hours) => !hours)) {
          issue('dayHours1', 'student.errors.someDayHours');
        }
        const sundayHours = form.scheduleKind === 'regular' ? (form.workingDays.includes(SUNDAY) ? form.hoursPerDay : 0) : form.dayHours7;
        if (parsed('sundayPresence') && sundayHours && !form.sundayPresence) issue('sundayPresence', 'student.errors.sundayInSchedule');
      }
      for (const kind of ['night', 'sunday', 'holiday'] as const) {
        if (!parsed(`${kind}Presence`, `${kind}Description`, `${kind}Hours`) || !form[`${kind}Presence`]) continue;
        if (!form[`${kind}Description`]) issue(`${kind}Description`, 'student.errors.describe');
        if (form[`${kind}Hours`] === null) issue(`${kind}Hours`, 'student.errors.required');
      }
      for (const n of [1, 2] as const) {
        if (!parsed(`interruption${n}Start`, `interruption${n}End`)) continue;
        const start = form[`interruption${n}Start`];
        const end = form[`interruption${n}End`];
        if (Boolean(start) !== Boolean(end)) issue(start ? `interruption${n}End` : `interruption${n}Start`, 'student.errors.required');
        else if (start && end && end < start) issue(`interruption${n}End`, 'student.errors.endBeforeStart');
        else if (start && end && datesKnown && (start < form.startDate || end > form.endDate))
          issue(`interruption${n}Start`, 'student.errors.interruptionOutside');
      }
    }),
  )
  .transform((form) => {
    const { workingDays, hoursPerDay, dayHours1, dayHours2, dayHours3, dayHours4, dayHours5, dayHours6, dayHours7, ...rest } = form;
    const weeklySchedule =
      form.scheduleKind === 'regular' ? regularSchedule(workingDays, hoursPerDay ?? 0) : dayHoursOf(form).map((hours) => hours ?? 0);
    return { ...rest, weeklySchedule };
  });

function dayHoursOf(form: Record<`dayHours${1 | 2 | 3 | 4 | 5 | 6 | 7}`, number | null>): (number | null)[] {
  return WEEKDAYS.map((day) => form[`dayHours${day}` as `dayHours${1 | 2 | 3 | 4 | 5 | 6 | 7}`]);
}

/** The step's fields in the page's order; the hours of each day are labelled by the day's name. */
export const internshipForm = defineForm(
  internshipSchema,
  fieldLabels(
    'student.fields.',
    Object.keys(internshipFields.shape),
    Object.fromEntries(WEEKDAYS.map((day) => [`dayHours${day}`, `student.weekday.${day}`])),
  ),
);
