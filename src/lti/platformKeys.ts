import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { Logger } from 'pino';
import { fetchJsonResponse } from './remoteJson';

/** The platform's keyset could not be had and holds no key Pstage already knows under this kid. */
export class KeysetUnavailableError extends Error {
  constructor(jwksUrl: string, reason: string) {
    // The message is the reason code ltijs hands to the rejected-launch page.
    super('KEYSET_UNAVAILABLE', { cause: `${jwksUrl}: ${reason}` });
    this.name = 'KeysetUnavailableError';
  }
}

export interface PlatformKeyCacheOptions {
  /** Each fetch of a keyset gives up after this long. */
  timeoutMs: number;
  logger?: Pick<Logger, 'warn' | 'info'>;
  /** Milliseconds since the epoch (tests move it). */
  now?: () => number;
  /** A keyset is kept as its Cache-Control max-age says, within these bounds; this long without one. */
  minAgeMs?: number;
  maxAgeMs?: number;
  defaultAgeMs?: number;
  /** After a failed fetch, the known keys are used and the next fetch waits this long. */
  retryAfterFailureMs?: number;
  /** Known keys are served this long past their expiry while the keyset cannot be fetched. */
  maxStaleMs?: number;
  /** A token naming a kid the keyset does not hold refetches it, at most this often (a rotation, not a flood). */
  unknownKidCooldownMs?: number;
}

export interface PlatformKeyCache {
  /** The public key `kid` of the keyset at `jwksUrl`, fetched only when unknown or expired. */
  keyFor(jwksUrl: string, kid: string): Promise<KeyObject>;
  /** Forgets every keyset: the next launch fetches its platform's again. */
  clear(): void;
}

interface Entry {
  keys: Map<string, KeyObject>;
  expiresAt: number;
  /** No fetch before this (after a failure). */
  retryAt: number;
  unknownKidRefetchAt: number;
  inFlight?: Promise<void>;
}

const minute = 60_000;

/** `max-age` of a Cache-Control header in milliseconds; 0 for `no-store`/`no-cache`; undefined without either. */
export function maxAgeOf(cacheControl: string | null): number | undefined {
  if (!cacheControl) return undefined;
  const directives = cacheControl
    .toLowerCase()
    .split(',')
    .map((part) => part.trim());
  if (directives.some((directive) => directive === 'no-store' || directive === 'no-cache')) return 0;
  const maxAge = directives.map((directive) => /^max-age="?(\d+)"?$/.exec(directive)?.[1]).find(Boolean);
  return maxAge === undefined ? undefined : Number(maxAge) * 1000;
}

function signingKeysOf(body: unknown): Map<string, KeyObject> {
  const keys = (body as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) throw new Error('not a JWKS (no keys)');
  const byKid = new Map<string, KeyObject>();
  for (const jwk of keys as (JsonWebKey & { kid?: unknown; use?: unknown })[]) {
    if (typeof jwk?.kid !== 'string' || jwk.kty !== 'RSA' || (jwk.use !== undefined && jwk.use !== 'sig')) continue;
    try {
      byKid.set(jwk.kid, createPublicKey({ key: jwk, format: 'jwk' }));
    } catch {
      // A malformed key among good ones: the others still serve.
    }
  }
  return byKid;
}

/**
 * The platforms' public keys (JWKS), kept as the platform's Cache-Control says (bounded), so a launch does not
 * wait for the LMS's key endpoint: it is fetched again when expired or when a token names a key it does not
 * hold (a rotation). When the endpoint fails, the keys already known keep serving (up to `maxStaleMs` past
 * expiry) and the next try waits a little, so an outage of the endpoint neither blocks nor slows launches.
 * Concurrent launches share one fetch.
 */
export function createPlatformKeyCache(options: PlatformKeyCacheOptions): PlatformKeyCache {
  const now = options.now ?? Date.now;
  const minAgeMs = options.minAgeMs ?? minute;
  const maxAgeMs = options.maxAgeMs ?? 24 * 60 * minute;
  const defaultAgeMs = options.defaultAgeMs ?? 10 * minute;
  const retryAfterFailureMs = options.retryAfterFailureMs ?? 30_000;
  const maxStaleMs = options.maxStaleMs ?? 24 * 60 * minute;
  const unknownKidCooldownMs = options.unknownKidCooldownMs ?? 10_000;
  const entries = new Map<string, Entry>();

  function entryOf(jwksUrl: string): Entry {
    let entry = entries.get(jwksUrl);
    if (!entry) {
      entry = { keys: new Map(), expiresAt: 0, retryAt: 0, unknownKidRefetchAt: -Infinity };
      entries.set(jwksUrl, entry);
    }
    return entry;
  }

  /** Fetches the keyset into the entry; a failure keeps the known keys and is rethrown. One fetch at a time per URL. */
  function refresh(jwksUrl: string, entry: Entry): Promise<void> {
    entry.inFlight ??= (async () => {
      try {
        const { body, headers } = await fetchJsonResponse(new URL(jwksUrl), { timeoutMs: options.timeoutMs });
        const keys = signingKeysOf(body);
        const age = Math.min(maxAgeMs, Math.max(minAgeMs, maxAgeOf(headers.get('cache-control')) ?? defaultAgeMs));
        entry.keys = keys;
        entry.expiresAt = now() + age;
        entry.retryAt = 0;
      } catch (error) {
        entry.retryAt = now() + retryAfterFailureMs;
        const reason = error instanceof Error ? error.message : String(error);
        options.logger?.warn({ jwksUrl, reason, knownKeys: entry.keys.size }, 'platform keyset unavailable');
        throw new KeysetUnavailableError(jwksUrl, reason);
      } finally {
        entry.inFlight = undefined;
      }
    })();
    return entry.inFlight;
  }

  return {
    async keyFor(jwksUrl, kid) {
      const entry = entryOf(jwksUrl);
      const known = entry.keys.get(kid);
      const at = now();
      if (known && at < entry.expiresAt) return known;
      if (known) {
        // Expired: fetched again, unless a fetch just failed; meanwhile (and if it fails) the known key serves.
        const usable = at < entry.expiresAt + maxStaleMs;
        if (at >= entry.retryAt) await refresh(jwksUrl, entry).catch(() => undefined);
        const current = entry.keys.get(kid);
        if (current && now() < entry.expiresAt) return current;
        if (current && usable) return current;
        if (!current && entry.retryAt === 0) throw new Error('KEY_NOT_FOUND');
        throw new KeysetUnavailableError(jwksUrl, 'known keys too old');
      }
      // Never seen: a first launch, or the platform rotated its keys. While the endpoint is failing, no launch
      // waits for it again; a token naming kids a fresh keyset does not hold refetches at most once per cooldown.
      if (at < entry.retryAt) throw new KeysetUnavailableError(jwksUrl, 'the last fetch failed');
      if (at < entry.expiresAt) {
        if (at < entry.unknownKidRefetchAt + unknownKidCooldownMs) throw new Error('KEY_NOT_FOUND');
        entry.unknownKidRefetchAt = at;
      }
      await refresh(jwksUrl, entry);
      const fetched = entry.keys.get(kid);
      if (!fetched) throw new Error('KEY_NOT_FOUND');
      return fetched;
    },
    clear: () => entries.clear(),
  };
}
