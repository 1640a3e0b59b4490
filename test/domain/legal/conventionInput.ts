import { ConventionRuleInput } from '../../../src/domain/legalRules';

/** A convention that breaks no rule: 2026, 35 h a week, 280 h, no gratification needed. */
export function validConvention(changes: Partial<ConventionRuleInput> = {}): ConventionRuleInput {
  return {
    today: '2026-03-01',
    isNew: true,
    startDate: '2026-04-01',
    endDate: '2026-05-29',
    workingDays: [1, 2, 3, 4, 5],
    hoursPerDay: 7,
    declaredTotalHours: 280,
    computedTotalHours: 280,
    otherHoursSameHostSameYear: 0,
    gratification: { amount: null, unit: 'hour' },
    nightPresence: false,
    sundayPresence: false,
    holidayPresence: false,
    isMinor: false,
    abroad: false,
    programmeTitle: 'Master Informatique',
    programmeTeachingHours: 450,
    skills: 'Conception de logiciels',
    activities: 'Développement d’une application',
    professionalTutorName: 'Claire Martin',
    academicTutorName: 'Paul Durand',
    hostSignatoryName: 'Sophie Bernard',
    ...changes,
  };
}

/** Total hours with declared and computed equal, so that only the rule under test fires. */
export function totalHours(hours: number): Partial<ConventionRuleInput> {
  return { declaredTotalHours: hours, computedTotalHours: hours };
}
