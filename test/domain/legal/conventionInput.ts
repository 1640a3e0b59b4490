import { HostCumulation } from '../../../src/domain/hostCumulation';
import { ConventionRuleInput } from '../../../src/domain/legalRules';
import { presenceBreakdown } from '../../../src/domain/presenceBreakdown';

/** Monday to Friday, 7 h a day. */
export const FULL_TIME = [7, 7, 7, 7, 7, 0, 0];

/**
 * A convention that breaks no rule: 2026, 35 h a week, 280 h, no gratification needed. Its months and weeks come
 * from its dates and schedule (French holidays) unless the changes give them.
 */
export function validConvention(changes: Partial<ConventionRuleInput> = {}): ConventionRuleInput {
  const input: Omit<ConventionRuleInput, 'presenceByMonth' | 'presenceByWeek'> = {
    today: '2026-03-01',
    isNew: true,
    startDate: '2026-04-01',
    endDate: '2026-05-29',
    weeklySchedule: FULL_TIME,
    declaredTotalHours: 280,
    computedTotalHours: 280,
    gratification: { amount: null, unit: 'hour' },
    nightPresence: false,
    sundayPresence: false,
    holidayPresence: false,
    isMinor: false,
    legalRepresentativeName: 'Sophie Martin',
    leaveDaysGranted: 10,
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
  const presence = presenceBreakdown(input);
  return { presenceByMonth: presence.byMonth, presenceByWeek: presence.byWeek, ...input };
}

/** Total hours with declared and computed equal, so that only the rule under test fires. */
export function totalHours(hours: number): Partial<ConventionRuleInput> {
  return { declaredTotalHours: hours, computedTotalHours: hours };
}

/** This convention's `hours`, all in 2025-2026, with `otherHours` of other conventions at the host that year. */
export function withOtherHours(hours: number, otherHours: number, consecutiveHours = hours): Partial<ConventionRuleInput> {
  const hostCumulation: HostCumulation = {
    years: [{ academicYear: '2025-2026', hours, otherHours }],
    consecutiveHours,
    consecutiveWith: [],
  };
  return { ...totalHours(hours), hostCumulation };
}
