import type { HeadcountBand } from '../../documents/types';

/** One establishment as the national register describes it, whatever the source. */
export interface RegisterEstablishment {
  siret: string;
  siren: string;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  naf: string | null;
  legalStatus: string | null;
  headcountBand: HeadcountBand | null;
  sector: 'public' | 'private';
  /** etatAdministratif A (active) or F (fermé: closed). */
  active: boolean;
  /** False for a person who asked INSEE not to publish their data: the student completes what is hidden. */
  diffusible: boolean;
}

export type { HeadcountBand };

export type RegisterQuery =
  { kind: 'siret'; siret: string } | { kind: 'siren'; siren: string } | { kind: 'name'; name: string; place?: string };

/** One register (INSEE Sirene, Recherche d'entreprises…): establishments matching a query, none when nothing matches. */
export interface RegisterSource {
  readonly name: string;
  search(query: RegisterQuery): Promise<RegisterEstablishment[]>;
}

/** The register could not answer: rate-limited (429), or down, slow (2 s) or answering nonsense. */
export class RegisterUnavailable extends Error {
  constructor(public readonly reason: 'rateLimited' | 'unavailable') {
    super(`register ${reason}`);
  }
}
