/** SIREN (9 digits) and SIRET (SIREN + 5-digit establishment number) checks. */
export type IdentifierProblem = 'format' | 'checksum';

/** La Poste's establishments do not follow Luhn: their SIRET digit sum must be a multiple of 5. Its head office keeps Luhn. */
const LA_POSTE_SIREN = '356000000';
const LA_POSTE_HEAD_OFFICE_SIRET = '35600000000048';

/** Removes spaces (including non-breaking ones), so '552 100 554 00014' is accepted. */
export function normaliseIdentifier(input: string): string {
  return input.replace(/[\s\u00a0\u202f]/g, '');
}

export function sirenProblem(input: string): IdentifierProblem | null {
  const siren = normaliseIdentifier(input);
  if (!/^\d{9}$/.test(siren)) return 'format';
  return passesLuhn(siren) ? null : 'checksum';
}

export function siretProblem(input: string): IdentifierProblem | null {
  const siret = normaliseIdentifier(input);
  if (!/^\d{14}$/.test(siret)) return 'format';
  if (siret.startsWith(LA_POSTE_SIREN) && siret !== LA_POSTE_HEAD_OFFICE_SIRET) {
    return digitSum(siret) % 5 === 0 ? null : 'checksum';
  }
  return passesLuhn(siret) ? null : 'checksum';
}

export function isValidSiren(input: string): boolean {
  return sirenProblem(input) === null;
}

export function isValidSiret(input: string): boolean {
  return siretProblem(input) === null;
}

/** The SIREN part of a SIRET, or null when the SIRET is invalid. */
export function sirenOfSiret(input: string): string | null {
  return isValidSiret(input) ? normaliseIdentifier(input).slice(0, 9) : null;
}

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    const digit = Number(digits[digits.length - 1 - index]);
    const weighted = index % 2 === 1 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return sum % 10 === 0;
}

function digitSum(digits: string): number {
  return [...digits].reduce((sum, digit) => sum + Number(digit), 0);
}
