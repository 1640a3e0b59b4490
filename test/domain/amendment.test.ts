import {
  amendedTerms,
  amendmentRefusals,
  amendmentRows,
  gratificationPeriods,
  type AmendableTerms,
  type AmendmentChanges,
} from '../../src/domain/amendment';
import { cumulate } from '../../src/domain/hostCumulation';
import { stayOf, type HostStay } from '../../src/domain/hostStay';
import { evaluateConvention, type ConventionRuleInput } from '../../src/domain/legalRules';
import { presenceBreakdown } from '../../src/domain/presenceBreakdown';
import { FULL_TIME, validConvention } from './legal/conventionInput';

/** validConvention: 1 April to 29 May 2026, 35 h a week (266 h on the calendar), no gratification. */
const base = validConvention({ isNew: false });
const current: AmendableTerms = {
  startDate: base.startDate,
  endDate: base.endDate,
  interruptions: [],
  gratificationAmount: null,
  gratificationUnit: 'hour',
};

/** The convention as amended through the legal engine, as the amendment service evaluates it: presence and cumulation recomputed. */
function evaluateAmended(changes: AmendmentChanges, others: readonly HostStay[] = [], convention: AmendableTerms = current) {
  const terms = amendedTerms(convention, changes);
  const hoursByMonth = (startDate: string, endDate: string) =>
    presenceBreakdown({ startDate, endDate, interruptions: terms.interruptions, weeklySchedule: FULL_TIME }).byMonth;
  const presence = { startDate: terms.startDate, endDate: terms.endDate, interruptions: terms.interruptions, weeklySchedule: FULL_TIME };
  const breakdown = presenceBreakdown(presence);
  const stay = stayOf(1, presence);
  const input: ConventionRuleInput = {
    ...base,
    startDate: terms.startDate,
    endDate: terms.endDate,
    presenceByMonth: breakdown.byMonth,
    presenceByWeek: breakdown.byWeek,
    declaredTotalHours: null,
    computedTotalHours: stay.hours,
    hostCumulation: cumulate(stay, others),
    gratification: { amount: terms.gratificationAmount, unit: terms.gratificationUnit },
    gratificationPeriods: gratificationPeriods(convention, terms, changes, hoursByMonth) ?? undefined,
  };
  return { hours: stay.hours, codes: evaluateConvention(input).map((finding) => `${finding.severity}:${finding.code}`) };
}

describe('amendments: the convention as amended through the legal engine', () => {
  it('an extension crosses 308 h: the gratification becomes due (an error until the amendment gives it)', () => {
    expect(evaluateAmended({}).codes.filter((code) => code.startsWith('E:'))).toEqual([]);
    const extended = evaluateAmended({ dates: { startDate: '2026-04-01', endDate: '2026-06-30' } });
    expect(extended.hours).toBeGreaterThan(308);
    expect(extended.codes).toContain('E:legal.gratificationMissing');
    const paid = evaluateAmended({
      dates: { startDate: '2026-04-01', endDate: '2026-06-30' },
      gratification: { amount: 4.5, unit: 'hour', from: '2026-04-01' },
    });
    expect(paid.codes.filter((code) => code.startsWith('E:'))).toEqual([]);
  });

  it('an extension crosses 924 h with the same host over the academic year; an early termination brings it back under', () => {
    const earlier = stayOf(2, { startDate: '2025-10-01', endDate: '2026-01-30', weeklySchedule: FULL_TIME });
    const gratification = { amount: 4.5, unit: 'hour' as const, from: '2026-04-01' };
    expect(evaluateAmended({ gratification }, [earlier]).codes).not.toContain('E:legal.hostYearCapExceeded');
    const extended = evaluateAmended({ dates: { startDate: '2026-04-01', endDate: '2026-07-31' }, gratification }, [earlier]);
    expect(extended.codes).toContain('E:legal.hostYearCapExceeded');
    const terminated = evaluateAmended({ termination: { date: '2026-04-30', initiative: 'host', reason: 'Fermeture' }, gratification }, [
      earlier,
    ]);
    expect(terminated.hours).toBeLessThan(evaluateAmended({}).hours);
    expect(terminated.codes).not.toContain('E:legal.hostYearCapExceeded');
  });

  it('a gratification changed from a day inside the internship: the minimum is checked before and after that day, and a due one cannot start late', () => {
    const extension = { startDate: '2026-04-01', endDate: '2026-06-30' };
    const errors = (changes: AmendmentChanges, convention = current) =>
      evaluateAmended(changes, [], convention).codes.filter((code) => code.startsWith('E:'));
    // Due from the first day once the amended total passes 308 h: starting it on 1 May leaves April unpaid.
    expect(errors({ dates: extension, gratification: { amount: 4.5, unit: 'hour', from: '2026-05-01' } })).toEqual([
      'E:legal.gratificationDueFromStart',
    ]);
    expect(errors({ dates: extension, gratification: { amount: 4.5, unit: 'hour', from: '2026-04-01' } })).toEqual([]);
    // 600 € a month was below April's minimum (21 days × 7 h × 4,50 €): a raise from 15 May does not cover April.
    const monthly = { ...current, gratificationAmount: 600, gratificationUnit: 'month' as const };
    const raise = { dates: extension, gratification: { amount: 800, unit: 'month' as const, from: '2026-05-15' } };
    expect(errors(raise, monthly)).toEqual(['E:legal.gratificationBelowMonthlyMinimum']);
    expect(errors({ ...raise, gratification: { ...raise.gratification, from: '2026-04-01' } }, monthly)).toEqual([]);
    // 700 € was enough; 500 € from 1 June is not, for June alone.
    const enough = { ...current, gratificationAmount: 700, gratificationUnit: 'month' as const };
    const cut = evaluateAmended({ dates: extension, gratification: { amount: 500, unit: 'month', from: '2026-06-01' } }, [], enough);
    expect(cut.codes).toContain('E:legal.gratificationBelowMonthlyMinimum');
    expect(errors({ dates: extension, gratification: { amount: 700, unit: 'month', from: '2026-06-01' } }, enough)).toEqual([]);
  });

  it('an interruption is not counted in the hours', () => {
    const interrupted = evaluateAmended({ interruption: { start: '2026-04-13', end: '2026-04-17', reason: 'Maladie' } });
    expect(interrupted.hours).toBe(evaluateAmended({}).hours - 35);
  });

  it('refuses, all at once, an end before the start, a termination or a period outside the internship, a request without change', () => {
    expect(amendmentRefusals(current, {})).toEqual([{ field: 'kinds', key: 'amendment.errors.noKind' }]);
    expect(
      amendmentRefusals(current, {
        dates: { startDate: '2026-04-01', endDate: '2026-03-01' },
        gratification: { amount: 5, unit: 'hour', from: '2026-09-01' },
      }).map((refusal) => `${refusal.field}:${refusal.key}`),
    ).toEqual(['endDate:amendment.errors.endBeforeStart', 'gratificationFrom:amendment.errors.outsideInternship']);
    expect(amendmentRefusals(current, { termination: { date: '2026-05-29', initiative: 'student', reason: 'x' } })[0].key).toBe(
      'amendment.errors.terminationOutside',
    );
    expect(amendmentRefusals(current, { termination: { date: '2026-03-31', initiative: 'student', reason: 'x' } })).toHaveLength(1);
    expect(amendmentRefusals(current, { termination: { date: '2026-05-28', initiative: 'student', reason: 'x' } })).toEqual([]);
    expect(amendmentRefusals(current, { interruption: { start: '2026-05-20', end: '2026-06-05', reason: 'x' } })[0].field).toBe(
      'interruptionStart',
    );
  });

  it('a new tutor, referent or subject: their names and texts before → after; the same referent or activities are refused', () => {
    const named: AmendableTerms = {
      ...current,
      professionalTutor: 'Marc Petit',
      academicTutor: 'Claire Lambert',
      academicTutorId: 4,
      activities: 'Développer un outil de suivi',
      skills: 'Java',
    };
    const changes: AmendmentChanges = {
      professionalTutor: {
        civility: 'Mme',
        firstName: 'Inès',
        lastName: 'Garnier',
        function: 'Responsable',
        email: 'ines@example.com',
        phone: null,
      },
      academicTutor: { teacherId: 7, name: 'Paul Renard' },
      subject: { activities: 'Concevoir un entrepôt de données', skills: null },
    };
    const after = { ...amendedTerms(named, changes), computedTotalHours: 266 };
    expect(after).toMatchObject({ academicTutorId: 7, skills: 'Java' });
    expect(amendmentRows({ ...named, computedTotalHours: 266 }, after, changes)).toEqual([
      { term: 'professionalTutor', before: 'Marc Petit', after: 'Inès Garnier' },
      { term: 'academicTutor', before: 'Claire Lambert', after: 'Paul Renard' },
      { term: 'activities', before: 'Développer un outil de suivi', after: 'Concevoir un entrepôt de données' },
    ]);
    expect(amendmentRefusals(named, changes)).toEqual([]);
    expect(
      amendmentRefusals(named, {
        academicTutor: { teacherId: 4, name: 'Claire Lambert' },
        subject: { activities: 'Développer un outil de suivi', skills: null },
      }).map((refusal) => refusal.key),
    ).toEqual(['amendment.errors.sameReferent', 'amendment.errors.sameActivities']);
  });

  it('lists only what changes, before → after', () => {
    const after = { ...amendedTerms(current, { dates: { startDate: '2026-04-01', endDate: '2026-06-30' } }), computedTotalHours: 420 };
    expect(amendmentRows({ ...current, computedTotalHours: 280 }, after, {})).toEqual([
      { term: 'endDate', before: '2026-05-29', after: '2026-06-30' },
      { term: 'totalHours', before: 280, after: 420 },
    ]);
  });
});
