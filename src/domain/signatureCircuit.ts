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
 * Who is asked to sign now: the parties in parallel (those who have neither signed, on paper or electronically,
 * nor an open request), then the dean once every party has signed.
 */
export function signatoriesToRequest(circuit: {
  parties: readonly SignatureParty[];
  signed: readonly Signatory[];
  open: readonly Signatory[];
  deanSignsElectronically: boolean;
}): Signatory[] {
  const waiting = (party: Signatory) => !circuit.signed.includes(party) && !circuit.open.includes(party);
  const parties = circuit.parties.filter(waiting);
  if (circuit.parties.some((party) => !circuit.signed.includes(party))) return parties;
  return circuit.deanSignsElectronically && waiting('dean') ? ['dean'] : [];
}
