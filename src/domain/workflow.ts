import { Finding, hasBlockingErrors, unoverridableErrors } from './legal/finding';
import { partiesToSign, SignatureParty } from './signatories';
import { Actor, decide, Decision, eventsFor, isBlank, refuse, Refusal, transitionsOf } from './workflowEngine';

export type { Actor, Decision, Refusal } from './workflowEngine';
export { signatureParties, type SignatureParty } from './signatories';

export const conventionStates = ['draft', 'submitted', 'validated', 'signed_by_parties', 'complete', 'cancelled'] as const;
export type ConventionState = (typeof conventionStates)[number];

export type ConventionEvent =
  | { type: 'submit' }
  | { type: 'return'; reason: string }
  | { type: 'validate'; overrideReason?: string }
  | { type: 'record_signature'; party: SignatureParty }
  | { type: 'final_check' }
  | { type: 'cancel'; reason?: string };
export type ConventionEventType = ConventionEvent['type'];

/** What the caller knows when the event is fired. A missing fact counts as not satisfied. */
export interface ConventionFacts {
  subjectValidated: boolean;
  academicTutorAssigned: boolean;
  hostOrganisationValidated: boolean;
  /** Legal findings of the convention as it stands (evaluateConvention). */
  findings: readonly Finding[];
  /** Parties whose signature is already recorded, before this event. */
  signedParties: readonly SignatureParty[];
  /**
   * The student is under 18 on the first day: their legal representative must sign too. Unknown counts as a
   * minor, so that nothing is signed or complete without a representative who might be due.
   */
  minorStudent: boolean;
  certificateAccepted: boolean;
  deanSignatureRecorded: boolean;
}

const row = transitionsOf<ConventionState, ConventionEvent, Partial<ConventionFacts>>();
const BEFORE_COMPLETE: readonly ConventionState[] = ['draft', 'submitted', 'validated', 'signed_by_parties'];

export const conventionTransitions = [
  row({ event: 'submit', from: ['draft'], actors: ['student'], to: 'submitted', when: (_event, facts) => submitRefusal(facts) }),
  row({ event: 'return', from: ['submitted'], actors: ['office'], to: 'draft', when: (event) => reasonRefusal(event.reason) }),
  row({ event: 'validate', from: ['submitted'], actors: ['office'], to: 'validated', when: validateRefusal }),
  row({
    event: 'record_signature',
    from: ['validated'],
    actors: ['office', 'signatory'],
    to: (event, facts) => (missingSignatures(withParty(facts, event.party)).length === 0 ? 'signed_by_parties' : 'validated'),
    when: (event, facts) => signatureRefusal(event.party, facts),
  }),
  row({
    event: 'final_check',
    from: ['signed_by_parties'],
    actors: ['office', 'signatory'],
    to: 'complete',
    when: (_event, facts) => finalCheckRefusal(facts),
  }),
  row({ event: 'cancel', from: ['draft', 'submitted'], actors: ['student'], to: 'cancelled' }),
  row({ event: 'cancel', from: BEFORE_COMPLETE, actors: ['office'], to: 'cancelled', when: (event) => reasonRefusal(event.reason) }),
];

export function decideConvention(
  state: ConventionState,
  event: ConventionEvent,
  actor: Actor,
  facts: Partial<ConventionFacts> = {},
): Decision<ConventionState> {
  return decide(conventionTransitions, state, event, actor, facts);
}

export function availableEvents(state: ConventionState, actor: Actor): ConventionEventType[] {
  return eventsFor(conventionTransitions, state, actor);
}

/** The parties this convention needs (LEGAL.md "Signatories") that have not signed yet, in signing order. */
export function missingSignatures(facts: Partial<ConventionFacts>): SignatureParty[] {
  const signed = facts.signedParties ?? [];
  return partiesToSign({ minorStudent: facts.minorStudent ?? true }).filter((party) => !signed.includes(party));
}

function signatureRefusal(party: SignatureParty, facts: Partial<ConventionFacts>): Refusal | null {
  if (!partiesToSign({ minorStudent: facts.minorStudent ?? true }).includes(party)) return refuse('workflow.error.notAParty', { party });
  return (facts.signedParties ?? []).includes(party) ? refuse('workflow.error.alreadySigned', { party }) : null;
}

function withParty(facts: Partial<ConventionFacts>, party: SignatureParty): Partial<ConventionFacts> {
  return { ...facts, signedParties: [...(facts.signedParties ?? []), party] };
}

function reasonRefusal(reason: string | undefined): Refusal | null {
  return isBlank(reason) ? refuse('workflow.error.reasonRequired') : null;
}

/** The student cannot override, so only errors the office could lift let a convention through. */
function submitRefusal(facts: Partial<ConventionFacts>): Refusal | null {
  const blocking = unoverridableErrors(facts.findings ?? []);
  return blocking.length > 0 ? refuse('workflow.error.blockingLegalErrors', { count: blocking.length }) : null;
}

function validateRefusal(event: { overrideReason?: string }, facts: Partial<ConventionFacts>): Refusal | null {
  if (!facts.subjectValidated) return refuse('workflow.error.subjectNotValidated');
  if (!facts.academicTutorAssigned) return refuse('workflow.error.academicTutorMissing');
  if (!facts.hostOrganisationValidated) return refuse('workflow.error.organisationNotValidated');
  const findings = facts.findings ?? [];
  if (!hasBlockingErrors(findings, event.overrideReason)) return null;
  const blocking = unoverridableErrors(findings);
  if (blocking.length > 0) return refuse('workflow.error.blockingLegalErrors', { count: blocking.length });
  return refuse('workflow.error.overrideReasonRequired', { count: findings.filter((finding) => finding.severity === 'E').length });
}

function finalCheckRefusal(facts: Partial<ConventionFacts>): Refusal | null {
  const missing = missingSignatures(facts);
  if (missing.length > 0) return refuse('workflow.error.signaturesMissing', { count: missing.length, parties: missing.join(',') });
  if (!facts.certificateAccepted) return refuse('workflow.error.certificateNotAccepted');
  if (!facts.deanSignatureRecorded) return refuse('workflow.error.deanSignatureMissing');
  return null;
}
