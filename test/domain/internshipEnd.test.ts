import { attestationRefusal, internshipEndRefusal } from '../../src/domain/internshipEnd';

const complete = {
  state: 'complete',
  startDate: '2027-03-01',
  endDate: '2027-06-30',
  actualEndDate: null,
  effectiveHours: null,
  totalGratificationPaid: null,
};
const recorded = { ...complete, actualEndDate: '2027-06-30', effectiveHours: 553, totalGratificationPaid: 2488.5 };

describe('when the attestation de stage can be produced', () => {
  it.each<[string, typeof complete | typeof recorded, string, string | null]>([
    ['a validated convention', { ...recorded, state: 'validated' }, '2027-07-01', 'documents.errors.attestationNotYet'],
    ['the day before the end', complete, '2027-06-29', 'documents.errors.attestationBeforeEnd'],
    ['the last day, figures not recorded', complete, '2027-06-30', 'documents.errors.attestationFiguresMissing'],
    ['the last day, figures recorded', recorded, '2027-06-30', null],
    ['after an early end, before the planned end', { ...recorded, actualEndDate: '2027-05-14' }, '2027-05-14', null],
  ])('%s: %s', (_label, facts, today, key) => {
    expect(attestationRefusal(facts, today)?.key ?? null).toBe(key);
  });

  it('says which day the internship ends', () => {
    expect(attestationRefusal(complete, '2027-06-01')).toEqual({
      key: 'documents.errors.attestationBeforeEnd',
      params: { date: '2027-06-30' },
    });
  });
});

describe('what the office may record as the end', () => {
  it.each<[string, string, number, string, string | null]>([
    ['the planned end, on that day', '2027-06-30', 553, '2027-06-30', null],
    ['the planned end, the day before', '2027-06-30', 553, '2027-06-29', 'office.errors.notEndedYet'],
    ['an early end', '2027-05-14', 371, '2027-06-01', null],
    ['after the planned end', '2027-07-01', 553, '2027-07-02', 'office.errors.endAfterPlanned'],
    ['before the start', '2027-02-28', 1, '2027-07-02', 'office.errors.endBeforeStart'],
    ['10 h on each of 3 days', '2027-03-03', 30, '2027-07-02', null],
    ['more than 10 h a day over 3 days', '2027-03-03', 30.5, '2027-07-02', 'office.errors.hoursAboveMaximum'],
  ])('%s', (_label, actualEndDate, effectiveHours, today, key) => {
    expect(internshipEndRefusal(complete, { actualEndDate, effectiveHours }, today)?.key ?? null).toBe(key);
  });

  it('only for a complete convention', () => {
    expect(
      internshipEndRefusal({ ...complete, state: 'signed_by_parties' }, { actualEndDate: '2027-06-30', effectiveHours: 1 }, '2027-07-01'),
    ).toEqual({
      field: 'form',
      key: 'office.internshipEnd.notComplete',
      params: {},
    });
  });
});
