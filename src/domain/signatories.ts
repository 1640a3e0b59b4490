/**
 * Who signs a convention (code de l'éducation, LEGAL.md "Signatories"): the one list the workflow, the office's
 * forms, the status pages, the mails and the PDF read, and that an electronic signature circuit builds on.
 * The dean signs last, by delegation, recorded by the office at the final check: not one of these parties.
 */
export const signatureParties = ['student', 'legal_representative', 'host_signatory', 'professional_tutor', 'academic_tutor'] as const;
export type SignatureParty = (typeof signatureParties)[number];

/** A signature row of a convention: a party's, or the dean's at the end. */
export type Signatory = SignatureParty | 'dean';

export interface SignatoryContext {
  /** The student is under 18 on the first day of the internship: their legal representative is a party too. */
  minorStudent: boolean;
}

/** The parties whose signature a convention needs before the final check, in signing order. */
export function partiesToSign(context: SignatoryContext): SignatureParty[] {
  return signatureParties.filter((party) => party !== 'legal_representative' || context.minorStudent);
}

/** Every signature of the convention, the dean's last: the rows the status pages list. */
export function signatoriesOf(context: SignatoryContext): Signatory[] {
  return [...partiesToSign(context), 'dean'];
}

export function isSignatureParty(value: string): value is SignatureParty {
  return (signatureParties as readonly string[]).includes(value);
}
