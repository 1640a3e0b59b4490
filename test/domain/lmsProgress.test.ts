import { lmsScore, progressComment, progressScoreMaximum, type ActivityProgress, type ProgressStates } from '../../src/domain/lmsProgress';
import type { ConventionState } from '../../src/domain/workflow';
import { initI18n, translator } from '../../src/middleware/i18n';

type Subject = ProgressStates['subjectState'];

describe('the score posted to the LMS', () => {
  it.each<[Subject, ConventionState | null, number, ActivityProgress]>([
    [null, null, 0, 'Initialized'],
    ['proposed', null, 1, 'Started'],
    ['rejected', null, 0, 'Started'],
    ['validated', null, 2, 'InProgress'],
    ['validated', 'draft', 2, 'InProgress'],
    ['proposed', 'draft', 1, 'Started'],
    ['validated', 'submitted', 3, 'Submitted'],
    ['proposed', 'submitted', 3, 'Submitted'],
    ['validated', 'validated', 4, 'Submitted'],
    ['validated', 'signed_by_parties', 5, 'Submitted'],
    ['validated', 'complete', 6, 'Completed'],
    ['validated', 'cancelled', 2, 'InProgress'],
    [null, 'cancelled', 0, 'Started'],
  ])('subject %s and convention %s give %i / 6, %s', (subjectState, conventionState, score, activity) => {
    const posted = lmsScore({ subjectState, conventionState });
    expect(posted).toMatchObject({ scoreGiven: score, scoreMaximum: progressScoreMaximum, activityProgress: activity });
  });

  it('grows along the workflow, from nothing to complete', () => {
    const journey: ProgressStates[] = [
      { subjectState: null, conventionState: null },
      { subjectState: 'proposed', conventionState: null },
      { subjectState: 'validated', conventionState: null },
      { subjectState: 'validated', conventionState: 'submitted' },
      { subjectState: 'validated', conventionState: 'validated' },
      { subjectState: 'validated', conventionState: 'signed_by_parties' },
      { subjectState: 'validated', conventionState: 'complete' },
    ];
    expect(journey.map((states) => lmsScore(states).scoreGiven)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('is FullyGraded at every stage, because Moodle drops scoreGiven otherwise', () => {
    expect(lmsScore({ subjectState: 'proposed', conventionState: null }).gradingProgress).toBe('FullyGraded');
    expect(lmsScore({ subjectState: 'validated', conventionState: 'complete' }).gradingProgress).toBe('FullyGraded');
  });
});

describe('the comment the LMS keeps as feedback', () => {
  beforeAll(() => initI18n());
  const changedAt = new Date('2026-03-14T09:30:00Z');

  it.each<[Subject, ConventionState | null, 'fr' | 'en', string]>([
    [null, null, 'fr', 'Aucun sujet proposé (le 14 mars 2026).'],
    ['proposed', null, 'fr', 'Sujet proposé, en attente de validation (le 14 mars 2026).'],
    ['rejected', null, 'fr', 'Sujet refusé, à proposer de nouveau (le 14 mars 2026).'],
    ['validated', null, 'fr', 'Sujet validé (le 14 mars 2026).'],
    ['validated', 'submitted', 'fr', 'Convention soumise au service des stages (le 14 mars 2026).'],
    [
      'proposed',
      'submitted',
      'fr',
      'Convention soumise au service des stages (le 14 mars 2026). Le sujet attend la validation du responsable de formation.',
    ],
    ['validated', 'complete', 'fr', 'Convention complète (le 14 mars 2026).'],
    ['validated', 'cancelled', 'fr', 'Convention annulée (le 14 mars 2026).'],
    ['proposed', null, 'en', 'Subject proposed, awaiting validation (on 14 March 2026).'],
    ['validated', 'signed_by_parties', 'en', 'Agreement signed by the parties (on 14 March 2026).'],
    ['rejected', 'draft', 'en', 'Agreement being filled in (on 14 March 2026). The subject was rejected.'],
  ])('subject %s, convention %s, in %s: %s', (subjectState, conventionState, locale, expected) => {
    expect(progressComment({ subjectState, conventionState }, changedAt, locale, translator(locale))).toBe(expected);
  });

  it('says the convention’s latest amendment, the state unchanged', () => {
    const amended = (state: 'validated' | 'signed', conventionState: ConventionState, locale: 'fr' | 'en' = 'fr') =>
      progressComment(
        { subjectState: 'validated', conventionState, amendment: { number: 2, state } },
        changedAt,
        locale,
        translator(locale),
      );
    expect(amended('validated', 'complete')).toBe('Convention complète (le 14 mars 2026). Avenant n° 2 validé, en attente des signatures.');
    expect(amended('signed', 'complete', 'en')).toBe('Agreement complete (on 14 March 2026). Amendment no. 2 signed, in force.');
    expect(lmsScore({ subjectState: 'validated', conventionState: 'complete', amendment: { number: 2, state: 'signed' } })).toEqual(
      lmsScore({ subjectState: 'validated', conventionState: 'complete' }),
    );
  });

  it('dates the change in Paris time', () => {
    const lateEvening = new Date('2026-03-14T23:30:00Z');
    expect(progressComment({ subjectState: 'validated', conventionState: null }, lateEvening, 'fr', translator('fr'))).toBe(
      'Sujet validé (le 15 mars 2026).',
    );
  });
});
