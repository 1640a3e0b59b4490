import { validationBlockers } from '../../../src/services/office/blockers';
import { startFlag } from '../../../src/domain/conventionStatus';

const ready = { subjectState: 'validated', academicTutorId: 3, organisationValidated: true, findings: [] };

describe('what blocks a submitted convention', () => {
  it.each([
    ['nothing when all is in order', ready, []],
    ['a proposed subject', { ...ready, subjectState: 'proposed' }, ['subject']],
    ['no subject at all', { ...ready, subjectState: null }, ['subject']],
    ['no referent, neither assigned nor chosen', { ...ready, academicTutorId: null }, ['academicTutor']],
    ['an unvalidated host', { ...ready, organisationValidated: false }, ['host']],
    [
      'legal errors and warnings, counted',
      { ...ready, findings: [{ severity: 'E' }, { severity: 'W' }, { severity: 'W' }, { severity: 'I' }] },
      ['legalErrors:1', 'legalWarnings:2'],
    ],
  ] as const)('%s', (_name, input, expected) => {
    const blockers = validationBlockers({ ...input, findings: [...input.findings] } as Parameters<typeof validationBlockers>[0]);
    expect(blockers.map((blocker) => (blocker.count === undefined ? blocker.key : `${blocker.key}:${blocker.count}`))).toEqual(expected);
  });

  it('only warnings do not block: they are marked as warnings', () => {
    expect(validationBlockers({ ...ready, findings: [{ severity: 'W' }] })).toEqual([
      { key: 'legalWarnings', severity: 'warning', count: 1 },
    ]);
  });
});

describe('the start flag of a convention not complete', () => {
  it.each([
    ['started yesterday', 'validated', '2026-11-25', 'started'],
    ['starts today', 'submitted', '2026-11-26', 'started'],
    ['starts within the horizon', 'signed_by_parties', '2026-12-11', 'soon'],
    ['starts after the horizon', 'validated', '2026-12-12', null],
    ['complete', 'complete', '2026-11-20', null],
    ['cancelled', 'cancelled', '2026-11-20', null],
    ['no start date yet', 'draft', null, null],
  ] as const)('%s', (_name, state, startDate, expected) => {
    expect(startFlag({ state, startDate }, '2026-11-26', 15)).toBe(expected);
  });
});
