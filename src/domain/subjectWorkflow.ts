import { Actor, decide, Decision, eventsFor, isBlank, refuse, transitionsOf } from './workflowEngine';

export const subjectStates = ['proposed', 'validated', 'rejected'] as const;
export type SubjectState = (typeof subjectStates)[number];

export type SubjectEvent = { type: 'revise' } | { type: 'propose' } | { type: 'validate' } | { type: 'reject'; comment: string };
export type SubjectEventType = SubjectEvent['type'];

const row = transitionsOf<SubjectState, SubjectEvent, Record<string, never>>();

export const subjectTransitions = [
  row({ event: 'revise', from: ['proposed'], actors: ['student'], to: 'proposed' }),
  row({ event: 'propose', from: ['rejected'], actors: ['student'], to: 'proposed' }),
  row({ event: 'validate', from: ['proposed'], actors: ['programme'], to: 'validated' }),
  row({
    event: 'reject',
    from: ['proposed'],
    actors: ['programme'],
    to: 'rejected',
    when: (event) => (isBlank(event.comment) ? refuse('workflow.error.commentRequired') : null),
  }),
];

export function decideSubject(state: SubjectState, event: SubjectEvent, actor: Actor): Decision<SubjectState> {
  return decide(subjectTransitions, state, event, actor, {});
}

export function availableSubjectEvents(state: SubjectState, actor: Actor): SubjectEventType[] {
  return eventsFor(subjectTransitions, state, actor);
}
