/** A small engine for pure transition tables: state × event → state, with who may fire it and on what condition. */
/** 'signatory': a party (or the dean) signing electronically from their personal link or their space. */
export type Actor = 'student' | 'programme' | 'office' | 'signatory';

export interface Refusal {
  ok: false;
  /** i18n message key, e.g. 'workflow.error.subjectNotValidated'. */
  error: string;
  params?: Record<string, string | number>;
}

export type Decision<State extends string> = { ok: true; to: State } | Refusal;

export interface Transition<State extends string, Event extends { type: string }, Facts> {
  event: Event['type'];
  from: readonly State[];
  actors: readonly Actor[];
  target(event: Event, facts: Facts): State;
  refusal(event: Event, facts: Facts): Refusal | null;
}

interface TransitionSpec<State extends string, Event extends { type: string }, Facts, Type extends Event['type']> {
  event: Type;
  from: readonly State[];
  actors: readonly Actor[];
  to: State | ((event: Extract<Event, { type: Type }>, facts: Facts) => State);
  when?: (event: Extract<Event, { type: Type }>, facts: Facts) => Refusal | null;
}

/** Returns a row builder for one table; each row's functions see the event narrowed to the row's type. */
export function transitionsOf<State extends string, Event extends { type: string }, Facts>() {
  return <Type extends Event['type']>(spec: TransitionSpec<State, Event, Facts, Type>): Transition<State, Event, Facts> => {
    // The engine only calls a row with an event whose type is the row's, so the narrowing holds.
    const narrow = (event: Event) => event as Extract<Event, { type: Type }>;
    const { to, when } = spec;
    return {
      event: spec.event,
      from: spec.from,
      actors: spec.actors,
      target: (event, facts) => (typeof to === 'function' ? to(narrow(event), facts) : to),
      refusal: (event, facts) => (when ? when(narrow(event), facts) : null),
    };
  };
}

export function refuse(error: string, params?: Refusal['params']): Refusal {
  return params ? { ok: false, error, params } : { ok: false, error };
}

export function decide<State extends string, Event extends { type: string }, Facts>(
  table: readonly Transition<State, Event, Facts>[],
  state: State,
  event: Event,
  actor: Actor,
  facts: Facts,
): Decision<State> {
  const rows = table.filter((row) => row.event === event.type && row.from.includes(state));
  if (rows.length === 0) return refuse('workflow.error.invalidTransition', { event: event.type, state });
  const row = rows.find((candidate) => candidate.actors.includes(actor));
  if (!row) return refuse('workflow.error.forbidden', { event: event.type, actor });
  return row.refusal(event, facts) ?? { ok: true, to: row.target(event, facts) };
}

/** Events an actor may try from a state, in table order, before their conditions are checked. */
export function eventsFor<State extends string, Event extends { type: string }, Facts>(
  table: readonly Transition<State, Event, Facts>[],
  state: State,
  actor: Actor,
): Event['type'][] {
  const events = table.filter((row) => row.from.includes(state) && row.actors.includes(actor)).map((row) => row.event);
  return [...new Set(events)];
}

export function isBlank(text: string | null | undefined): boolean {
  return !text?.trim();
}
