import { isValidSiren, isValidSiret, normaliseIdentifier } from '../../domain/siret';
import type { Clock } from '../../clock';
import type { Executor } from '../../models/database';
import { organisationRepository } from '../../models/organisationRepository';
import { registerCacheRepository } from '../../models/registerCacheRepository';
import { RegisterUnavailable, type RegisterEstablishment, type RegisterQuery, type RegisterSource } from './establishment';

const cacheMs = 24 * 60 * 60 * 1000;

export interface RegisterContext {
  db: Executor;
  source: RegisterSource | null;
  clock: Clock;
}

/** An establishment found, with the Pstage record that already holds its SIRET, if any. */
export type FoundEstablishment = RegisterEstablishment & { knownId: number | null };

export type RegisterLookup =
  | { status: 'off' }
  | { status: 'invalid' }
  | { status: 'rateLimited' | 'unavailable' }
  | { status: 'found'; establishments: FoundEstablishment[] };

/** What the student typed: a SIRET or a SIREN (spaces allowed, checksum checked), else a name of 2 characters or more. */
export function registerQueryOf(text: string, place = ''): RegisterQuery | null {
  const identifier = normaliseIdentifier(text);
  if (/^\d{14}$/.test(identifier)) return isValidSiret(identifier) ? { kind: 'siret', siret: identifier } : null;
  if (/^\d{9}$/.test(identifier)) return isValidSiren(identifier) ? { kind: 'siren', siren: identifier } : null;
  const name = text.trim();
  if (name.length < 2) return null;
  return place.trim() ? { kind: 'name', name, place: place.trim() } : { kind: 'name', name };
}

/** Asks the register once a day per query: its answers (nothing found included) are kept 24 hours in the database. */
export async function searchRegister(context: RegisterContext, query: RegisterQuery, fresh = false): Promise<RegisterEstablishment[]> {
  const source = context.source!;
  const key = `${source.name}:${JSON.stringify(query)}`;
  const now = context.clock.now();
  const cached = fresh ? undefined : await registerCacheRepository.findFresh(context.db, key, new Date(now.getTime() - cacheMs));
  if (cached !== undefined) return cached as RegisterEstablishment[];
  const found = await source.search(query);
  await registerCacheRepository.store(context.db, key, found, now);
  return found;
}

/**
 * The host step's register search. The register being off, down, slow or rate-limiting is an answer too: the
 * student is told and enters the host by hand.
 */
export async function lookUpRegister(context: RegisterContext, text: string, place?: string): Promise<RegisterLookup> {
  if (!context.source) return { status: 'off' };
  const query = registerQueryOf(text, place);
  if (!query) return { status: 'invalid' };
  let found: RegisterEstablishment[];
  try {
    found = await searchRegister(context, query);
  } catch (error) {
    if (error instanceof RegisterUnavailable) return { status: error.reason };
    throw error;
  }
  const known = await organisationRepository.findBySirets(
    context.db,
    found.map((establishment) => establishment.siret),
  );
  const idBySiret = new Map(known.map((organisation) => [organisation.siret, organisation.id]));
  return {
    status: 'found',
    establishments: found.map((establishment) => ({ ...establishment, knownId: idBySiret.get(establishment.siret) ?? null })),
  };
}

/** One establishment by SIRET, or undefined when the register does not know it or cannot answer now. */
export async function registerEstablishment(context: RegisterContext, siret: string): Promise<RegisterEstablishment | undefined> {
  if (!context.source || !isValidSiret(siret)) return undefined;
  try {
    const found = await searchRegister(context, { kind: 'siret', siret: normaliseIdentifier(siret) });
    return found[0];
  } catch (error) {
    if (error instanceof RegisterUnavailable) return undefined;
    throw error;
  }
}
