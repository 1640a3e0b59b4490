import type { Signatory, SignatureParty } from './signatories';

/** A personal link works until the circuit ends, or this many days after it was sent. */
export const SIGNATURE_LINK_DAYS = 30;

export function linkExpiry(sentAt: Date): Date {
  return new Date(sentAt.getTime() + SIGNATURE_LINK_DAYS * 24 * 60 * 60 * 1000);
}

export interface CircuitRequest {
  party: Signatory;
  status: 'pending' | 'signed' | 'refused' | 'revoked';
  expiresAt: Date;
}

/** A link opens its page only while it is pending and not expired; anything else is the same "not found". */
export function isLinkOpen(request: Pick<CircuitRequest, 'status' | 'expiresAt'>, now: Date): boolean {
  return request.status === 'pending' && now.getTime() < request.expiresAt.getTime();
}

/**
 * The order of a convention's parties: `null`, all in parallel (the default); else one after the other in
 * `sequence`'s order (parties it does not name, if any, after it, in their usual order). The dean always signs last.
 */
export type SignatureSequence = readonly SignatureParty[] | null;

/** The parties in the order a sequence gives them: every party once, the sequence's first. */
export function orderedParties(parties: readonly SignatureParty[], sequence: SignatureSequence): SignatureParty[] {
  if (!sequence) return [...parties];
  const named = sequence.filter((party) => parties.includes(party));
  return [...new Set([...named, ...parties])];
}

/**
 * Whose turn it is, whether or not they already have a link: the parties who have not signed (all of them in
 * parallel, the first of them in a sequence), then the dean once every party has signed.
 */
export function signatoriesInTurn(circuit: {
  parties: readonly SignatureParty[];
  signed: readonly Signatory[];
  deanSignsElectronically: boolean;
  sequence?: SignatureSequence;
}): Signatory[] {
  const unsigned = orderedParties(circuit.parties, circuit.sequence ?? null).filter((party) => !circuit.signed.includes(party));
  if (unsigned.length > 0) return circuit.sequence ? unsigned.slice(0, 1) : unsigned;
  return circuit.deanSignsElectronically && !circuit.signed.includes('dean') ? ['dean'] : [];
}

/**
 * Who is asked to sign now: those whose turn it is (signatoriesInTurn) and who have neither signed, on paper or
 * electronically, nor an open request.
 */
export function signatoriesToRequest(circuit: {
  parties: readonly SignatureParty[];
  signed: readonly Signatory[];
  open: readonly Signatory[];
  deanSignsElectronically: boolean;
  sequence?: SignatureSequence;
}): Signatory[] {
  return signatoriesInTurn(circuit).filter((party) => !circuit.open.includes(party));
}
