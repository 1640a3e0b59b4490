import crypto from 'node:crypto';
import { and, eq, isNull, lt, ne, or, gt, sql } from 'drizzle-orm';
import type { Database } from '../models/database';
import { ltiRecords } from '../models/schema';
import { nonceLifetimeSeconds } from './launchPolicy';

type Row = Record<string, unknown>;

/** The fields that identify one document of each ltijs collection (its unique index in ltijs's Mongo schemas). */
const uniqueFields: Record<string, string[]> = {
  platform: ['platformUrl', 'clientId'],
  platformStatus: ['id'],
  publickey: ['kid'],
  privatekey: ['kid'],
  accesstoken: ['platformUrl', 'clientId', 'scopes'],
  idtoken: ['iss', 'clientId', 'deploymentId', 'user'],
  contexttoken: ['contextId', 'user'],
  nonce: ['nonce'],
  state: ['state'],
};

/**
 * Lifetimes in seconds, as ltijs's own TTL indexes, except nonces: ltijs keeps them 10 s, but a nonce must be
 * kept for as long as a token carrying it could still be accepted (see launchPolicy).
 */
const lifetimes: Record<string, number> = {
  nonce: nonceLifetimeSeconds,
  state: 600,
  accesstoken: 3600,
  contexttoken: 24 * 3600,
};

export function documentKey(collection: string, document: Row): string {
  const fields = uniqueFields[collection];
  if (!fields) throw new Error(`UNKNOWN_COLLECTION: ${collection}`);
  return JSON.stringify(fields.map((field) => document[field] ?? null));
}

function encryptionKeyOf(secret: string): Buffer {
  return crypto.createHash('sha256').update(secret).digest().subarray(0, 32);
}

/** Same format as ltijs's Mongo store: aes-256-cbc, key = sha256(secret), hex iv and data. */
export function encrypt(text: string, secret: string): { iv: string; data: string } {
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('aes-256-cbc', encryptionKeyOf(secret), iv);
  const data = Buffer.concat([cipher.update(text), cipher.final()]);
  return { iv: iv.toString('hex'), data: data.toString('hex') };
}

export function decrypt(data: string, iv: string, secret: string): string {
  const decipher = crypto.createDecipheriv('aes-256-cbc', encryptionKeyOf(secret), Buffer.from(iv, 'hex'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'hex')), decipher.final()]).toString();
}

/**
 * ltijs database plugin over our PostgreSQL/PGlite database. ltijs calls these methods with
 * Mongo-like equality queries; each document is a JSONB row, looked up by containment.
 */
export class LtiDatabasePlugin {
  private cleanupTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Database,
    private readonly options: { cleanupIntervalMs?: number } = {},
  ) {}

  async setup(): Promise<boolean> {
    const interval = this.options.cleanupIntervalMs ?? 60_000;
    if (interval > 0 && !this.cleanupTimer) {
      this.cleanupTimer = setInterval(() => void this.deleteExpired().catch(() => undefined), interval);
      this.cleanupTimer.unref();
    }
    return true;
  }

  async Close(): Promise<boolean> {
    if (this.cleanupTimer) clearInterval(this.cleanupTimer);
    this.cleanupTimer = undefined;
    return true;
  }

  async deleteExpired(): Promise<number> {
    const deleted = await this.db.delete(ltiRecords).where(lt(ltiRecords.expiresAt, new Date())).returning({ id: ltiRecords.id });
    return deleted.length;
  }

  async Get(encryptionKey: string | false, collection: string, query?: Row): Promise<Row[] | false> {
    if (!collection) throw new Error('MISSING_COLLECTION');
    const rows = await this.db
      .select({ data: ltiRecords.data, createdAt: ltiRecords.createdAt })
      .from(ltiRecords)
      .where(and(eq(ltiRecords.collection, collection), this.notExpired(), this.matches(query)))
      .orderBy(ltiRecords.id);
    if (rows.length === 0) return false;
    return rows.map((row) => {
      if (!encryptionKey) return { ...row.data };
      const decrypted = JSON.parse(decrypt(String(row.data.data), String(row.data.iv), encryptionKey)) as Row;
      return { ...decrypted, createdAt: row.createdAt.getTime() };
    });
  }

  async Insert(encryptionKey: string | false, collection: string, item: Row, index?: Row): Promise<boolean> {
    if (!collection || !item || (encryptionKey && !index)) throw new Error('MISSING_PARAMS');
    const document = this.stored(encryptionKey, item, index);
    await this.db.insert(ltiRecords).values({
      collection,
      key: documentKey(collection, document),
      data: document,
      expiresAt: this.expiry(collection),
    });
    return true;
  }

  /** Upsert: replaces the documents matching the query by this one, atomically. */
  async Replace(encryptionKey: string | false, collection: string, query: Row, item: Row, index?: Row): Promise<boolean> {
    if (!collection || !item || (encryptionKey && !index)) throw new Error('MISSING_PARAMS');
    const document = this.stored(encryptionKey, item, index);
    const key = documentKey(collection, document);
    await this.db.transaction(async (tx) => {
      await tx
        .insert(ltiRecords)
        .values({ collection, key, data: document, expiresAt: this.expiry(collection) })
        .onConflictDoUpdate({
          target: [ltiRecords.collection, ltiRecords.key],
          set: { data: document, createdAt: new Date(), expiresAt: this.expiry(collection) },
        });
      await tx.delete(ltiRecords).where(and(eq(ltiRecords.collection, collection), ne(ltiRecords.key, key), this.matches(query)));
      if (collection === 'platform' && typeof document.kid === 'string') await this.pendingUnlessSaid(tx, document.kid);
    });
    return true;
  }

  /**
   * ltijs takes a platform without a status as active, and writes the status only after the platform:
   * a new platform is stored pending in the same transaction, so it is never active before someone says so.
   */
  private async pendingUnlessSaid(tx: Pick<Database, 'insert'>, kid: string): Promise<void> {
    const status = { id: kid, active: false };
    await tx
      .insert(ltiRecords)
      .values({ collection: 'platformStatus', key: documentKey('platformStatus', status), data: status, expiresAt: null })
      .onConflictDoNothing();
  }

  /** Updates the first matching document. Encrypted: only the modification's first key applies, as in ltijs. */
  async Modify(encryptionKey: string | false, collection: string, query: Row, modification: Row): Promise<boolean> {
    if (!collection || !query || !modification) throw new Error('MISSING_PARAMS');
    await this.db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(ltiRecords)
        .where(and(eq(ltiRecords.collection, collection), this.matches(query)))
        .orderBy(ltiRecords.id)
        .limit(1)
        .for('update');
      if (!row) return;
      let document: Row;
      if (encryptionKey) {
        const decrypted = JSON.parse(decrypt(String(row.data.data), String(row.data.iv), encryptionKey)) as Row;
        const [field] = Object.keys(modification);
        decrypted[field] = modification[field];
        document = { ...row.data, ...encrypt(JSON.stringify(decrypted), encryptionKey) };
      } else {
        document = { ...row.data, ...withoutUndefined(modification) };
      }
      await tx
        .update(ltiRecords)
        .set({ data: document, key: documentKey(collection, document) })
        .where(eq(ltiRecords.id, row.id));
    });
    return true;
  }

  async Delete(collection: string, query: Row): Promise<boolean> {
    if (!collection || !query) throw new Error('MISSING_PARAMS');
    await this.db.delete(ltiRecords).where(and(eq(ltiRecords.collection, collection), this.matches(query)));
    return true;
  }

  private stored(encryptionKey: string | false, item: Row, index?: Row): Row {
    const document = encryptionKey ? { ...index, ...encrypt(JSON.stringify(item), encryptionKey) } : withoutUndefined(item);
    // A platform registered dynamically without auto-activation arrives with `active: undefined`: it is pending.
    if (!encryptionKey && 'active' in item && item.active === undefined) document.active = false;
    return document;
  }

  private matches(query?: Row) {
    if (!query || Object.keys(query).length === 0) return sql`true`;
    return sql`${ltiRecords.data} @> ${JSON.stringify(withoutUndefined(query))}::jsonb`;
  }

  private notExpired() {
    return or(isNull(ltiRecords.expiresAt), gt(ltiRecords.expiresAt, new Date()));
  }

  private expiry(collection: string): Date | null {
    const seconds = lifetimes[collection];
    return seconds ? new Date(Date.now() + seconds * 1000) : null;
  }
}

function withoutUndefined(row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined));
}
