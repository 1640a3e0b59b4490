import { z } from 'zod';
import { isPlausibleDate } from '../../../../domain/calendarDate';
import { withinInternshipSpan } from '../../../../domain/hours';
import {
  optionalDate,
  optionalDecimal,
  optionalText,
  requiredDate,
  requiredDecimal,
  requiredText,
  yesNo,
} from '../../../shared/formFields';

const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export const internshipSchema = z
  .object({
    internshipType: requiredText(60),
    activities: requiredText(4000),
    skills: requiredText(4000),
    startDate: requiredDate(),
    endDate: requiredDate(),
    interruption1Start: optionalDate(),
    interruption1End: optionalDate(),
    interruption2Start: optionalDate(),
    interruption2End: optionalDate(),
    workingDays: z.preprocess(list, z.array(z.coerce.number().int().min(1).max(7)).min(1, { error: 'student.errors.workingDays' })),
    hoursPerDay: requiredDecimal(24),
    scheduleKind: z.enum(['regular', 'irregular'], { error: 'student.errors.choose' }),
    irregularSchedule: optionalText(2000),
    nightPresence: yesNo(),
    nightDescription: optionalText(1000),
    sundayPresence: yesNo(),
    sundayDescription: optionalText(1000),
    holidayPresence: yesNo(),
    holidayDescription: optionalText(1000),
    declaredTotalHours: optionalDecimal(10000),
    gratificationAmount: optionalDecimal(100000),
    gratificationUnit: z.enum(['hour', 'month'], { error: 'student.errors.choose' }),
    paymentTerms: optionalText(500),
    benefitMeals: optionalText(500),
    benefitLodging: optionalText(500),
    benefitTravel: optionalText(500),
    place: optionalText(300),
    confidentiality: optionalText(1000),
  })
  .superRefine((form, context) => {
    const issue = (field: string, message: string) => context.addIssue({ code: 'custom', path: [field], message });
    const datesKnown = isPlausibleDate(form.startDate) && isPlausibleDate(form.endDate);
    if (form.endDate < form.startDate) issue('endDate', 'student.errors.endBeforeStart');
    else if (datesKnown && !withinInternshipSpan(form.startDate, form.endDate)) issue('endDate', 'student.errors.internshipTooLong');
    if (form.scheduleKind === 'irregular' && !form.irregularSchedule) issue('irregularSchedule', 'student.errors.required');
    if (form.nightPresence && !form.nightDescription) issue('nightDescription', 'student.errors.describe');
    if (form.sundayPresence && !form.sundayDescription) issue('sundayDescription', 'student.errors.describe');
    if (form.holidayPresence && !form.holidayDescription) issue('holidayDescription', 'student.errors.describe');
    for (const n of [1, 2] as const) {
      const start = form[`interruption${n}Start`];
      const end = form[`interruption${n}End`];
      if (Boolean(start) !== Boolean(end)) issue(start ? `interruption${n}End` : `interruption${n}Start`, 'student.errors.required');
      else if (start && end && end < start) issue(`interruption${n}End`, 'student.errors.endBeforeStart');
      else if (start && end && datesKnown && (start < form.startDate || end > form.endDate))
        issue(`interruption${n}Start`, 'student.errors.interruptionOutside');
    }
  });
