import { Actor } from '../../src/domain/workflow';
import { availableSubjectEvents, decideSubject, SubjectEvent, SubjectState } from '../../src/domain/subjectWorkflow';

describe('the subject workflow', () => {
  it.each<[SubjectState, SubjectEvent, Actor, SubjectState | string]>([
    ['proposed', { type: 'revise' }, 'student', 'proposed'],
    ['proposed', { type: 'validate' }, 'programme', 'validated'],
    ['proposed', { type: 'reject', comment: 'Missions trop vagues' }, 'programme', 'rejected'],
    ['proposed', { type: 'reject', comment: '' }, 'programme', 'workflow.error.commentRequired'],
    ['proposed', { type: 'reject', comment: '  ' }, 'programme', 'workflow.error.commentRequired'],
    ['rejected', { type: 'propose' }, 'student', 'proposed'],
    ['proposed', { type: 'validate' }, 'student', 'workflow.error.forbidden'],
    ['proposed', { type: 'validate' }, 'office', 'workflow.error.forbidden'],
    ['proposed', { type: 'revise' }, 'programme', 'workflow.error.forbidden'],
    ['validated', { type: 'revise' }, 'student', 'workflow.error.invalidTransition'],
    ['validated', { type: 'reject', comment: 'Trop tard' }, 'programme', 'workflow.error.invalidTransition'],
    ['rejected', { type: 'validate' }, 'programme', 'workflow.error.invalidTransition'],
    ['proposed', { type: 'propose' }, 'student', 'workflow.error.invalidTransition'],
  ])('from %s, %j by %s gives %s', (state, event, actor, expected) => {
    const decision = decideSubject(state, event, actor);
    expect(decision.ok ? decision.to : decision.error).toBe(expected);
  });

  it.each<[SubjectState, Actor, string[]]>([
    ['proposed', 'student', ['revise']],
    ['proposed', 'programme', ['validate', 'reject']],
    ['rejected', 'student', ['propose']],
    ['rejected', 'programme', []],
    ['validated', 'student', []],
    ['validated', 'office', []],
  ])('from %s, %s may %j', (state, actor, expected) => {
    expect(availableSubjectEvents(state, actor)).toEqual(expected);
  });
});
