import { normaliseIdentifier } from './siret';

/**
 * Which legal entity a host record belongs to, for the cumulation at "the same host" (L124-5, L124-6): the SIREN
 * (the SIRET's first 9 digits), so every establishment and every duplicate record of one company counts
 * together; without a SIRET (abroad), the record itself, into which the office merges its duplicates.
 */
export function legalEntityKey(host: { organisationId: number; siret: string | null }): string {
  const siret = normaliseIdentifier(host.siret ?? '');
  if (/^\d{14}$/.test(siret) || /^\d{9}$/.test(siret)) return `siren:${siret.slice(0, 9)}`;
  return `organisation:${host.organisationId}`;
}
