import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/models/database';
import { LtiDatabasePlugin, decrypt, encrypt } from '../../src/lti/ltiDatabasePlugin';
import { ltiRecords } from '../../src/models/schema';
import { openTestDatabase, truncateAll } from '../support/database';

const secret = 'a-secret-of-at-least-thirty-two-characters';
let database: DatabaseHandle;
let plugin: LtiDatabasePlugin;

beforeAll(async () => {
  database = await openTestDatabase();
  plugin = new LtiDatabasePlugin(database.db, { cleanupIntervalMs: 0 });
  await plugin.setup();
});
afterAll(async () => {
  await plugin.Close();
  await database.close();
});
beforeEach(async () => truncateAll(database));

const platform = {
  platformUrl: 'https://moodle.example.fr',
  clientId: 'abc',
  platformName: 'Moodle',
  kid: 'k1',
  authConfig: { method: 'JWK_SET', key: 'https://moodle.example.fr/jwks' },
};

describe('the ltijs database plugin', () => {
  it('answers false when nothing matches, as ltijs expects', async () => {
    expect(await plugin.Get(false, 'platform', { platformUrl: 'nowhere' })).toBe(false);
  });

  it('inserts and finds documents by any subset of their fields, nested objects included', async () => {
    await plugin.Insert(false, 'platform', platform);
    await plugin.Insert(false, 'platform', { ...platform, clientId: 'def', kid: 'k2' });
    expect(await plugin.Get(false, 'platform', { platformUrl: 'https://moodle.example.fr', clientId: 'abc' })).toEqual([platform]);
    expect(await plugin.Get(false, 'platform', { platformUrl: 'https://moodle.example.fr' })).toHaveLength(2);
    expect(await plugin.Get(false, 'platform')).toHaveLength(2);
  });

  it('refuses a second document with the same unique key (a replayed nonce)', async () => {
    await plugin.Insert(false, 'nonce', { nonce: 'n1' });
    await expect(plugin.Insert(false, 'nonce', { nonce: 'n1' })).rejects.toThrow();
  });

  it('replaces the matching document (upsert)', async () => {
    await plugin.Replace(
      false,
      'idtoken',
      { iss: 'i', clientId: 'c', deploymentId: 'd', user: 'u' },
      { iss: 'i', clientId: 'c', deploymentId: 'd', user: 'u', name: 'first' },
    );
    await plugin.Replace(
      false,
      'idtoken',
      { iss: 'i', clientId: 'c', deploymentId: 'd', user: 'u' },
      { iss: 'i', clientId: 'c', deploymentId: 'd', user: 'u', name: 'second' },
    );
    expect(await plugin.Get(false, 'idtoken', { user: 'u' })).toEqual([
      { iss: 'i', clientId: 'c', deploymentId: 'd', user: 'u', name: 'second' },
    ]);
  });

  it('leaves one row when the same key is replaced concurrently', async () => {
    const query = { contextId: 'ctx', user: 'u' };
    await Promise.all(Array.from({ length: 10 }, (_, i) => plugin.Replace(false, 'contexttoken', query, { ...query, path: `/p${i}` })));
    const rows = await database.db.select().from(ltiRecords);
    expect(rows).toHaveLength(1);
  });

  it('modifies the first matching document, merging the modification', async () => {
    await plugin.Insert(false, 'platform', platform);
    await plugin.Modify(false, 'platform', { kid: 'k1' }, { platformName: 'Moodle e-campus', authEndpoint: undefined });
    const [row] = (await plugin.Get(false, 'platform', { kid: 'k1' })) as Record<string, unknown>[];
    expect(row).toEqual({ ...platform, platformName: 'Moodle e-campus' });
  });

  it('deletes matching documents', async () => {
    await plugin.Insert(false, 'state', { state: 's1', query: {} });
    await plugin.Insert(false, 'state', { state: 's2', query: {} });
    await plugin.Delete('state', { state: 's1' });
    expect(await plugin.Get(false, 'state')).toEqual([{ state: 's2', query: {} }]);
  });

  it('stores encrypted collections in ltijs format and decrypts them with createdAt in epoch ms', async () => {
    const before = Date.now();
    await plugin.Replace(
      secret,
      'privatekey',
      { platformUrl: 'p', clientId: 'c' },
      { key: '-----BEGIN RSA-----', kid: 'k9' },
      { kid: 'k9', platformUrl: 'p', clientId: 'c' },
    );
    const [stored] = await database.db.select().from(ltiRecords);
    expect(stored.data).toEqual({
      kid: 'k9',
      platformUrl: 'p',
      clientId: 'c',
      iv: expect.stringMatching(/^[0-9a-f]{32}$/),
      data: expect.stringMatching(/^[0-9a-f]+$/),
    });
    expect(JSON.parse(decrypt(String(stored.data.data), String(stored.data.iv), secret))).toEqual({
      key: '-----BEGIN RSA-----',
      kid: 'k9',
    });
    const [read] = (await plugin.Get(secret, 'privatekey', { kid: 'k9' })) as Record<string, unknown>[];
    expect(read.key).toBe('-----BEGIN RSA-----');
    expect(read.createdAt).toBeGreaterThanOrEqual(before - 1000);
  });

  it('modifies only the first key of an encrypted modification, as ltijs does', async () => {
    await plugin.Insert(secret, 'accesstoken', { token: { access_token: 'old' } }, { platformUrl: 'p', clientId: 'c', scopes: 's' });
    await plugin.Modify(secret, 'accesstoken', { platformUrl: 'p' }, { token: { access_token: 'new' }, ignored: true });
    const [read] = (await plugin.Get(secret, 'accesstoken', { platformUrl: 'p' })) as Record<string, unknown>[];
    expect(read).toEqual({ token: { access_token: 'new' }, createdAt: expect.any(Number) });
  });

  it('round-trips encryption with the same key derivation as ltijs (sha256 of the secret, aes-256-cbc)', () => {
    const { iv, data } = encrypt('{"a":"é"}', secret);
    expect(decrypt(data, iv, secret)).toBe('{"a":"é"}');
    expect(() => decrypt(data, iv, 'another-secret-of-thirty-two-characters!')).toThrow();
  });

  it('stores a dynamically registered platform without status as pending (active false)', async () => {
    await plugin.Insert(false, 'platformStatus', { id: 'k1', active: undefined });
    expect(await plugin.Get(false, 'platformStatus', { id: 'k1' })).toEqual([{ id: 'k1', active: false }]);
  });

  it('hides expired nonces, states and tokens on read and deletes them on cleanup', async () => {
    await plugin.Insert(false, 'nonce', { nonce: 'old' });
    await plugin.Insert(false, 'state', { state: 'old', query: {} });
    await plugin.Insert(false, 'platform', platform);
    await database.db.execute(sql`update lti_records set expires_at = now() - interval '1 second' where collection in ('nonce', 'state')`);
    expect(await plugin.Get(false, 'nonce', { nonce: 'old' })).toBe(false);
    expect(await plugin.Get(false, 'state', { state: 'old' })).toBe(false);
    expect(await plugin.deleteExpired()).toBe(2);
    expect(await database.db.select().from(ltiRecords)).toHaveLength(1);
  });

  it('stores a new platform pending, in the same transaction, until its status is said (ltijs writes it afterwards)', async () => {
    await plugin.Replace(false, 'platform', { platformUrl: platform.platformUrl, clientId: platform.clientId }, platform);
    expect(await plugin.Get(false, 'platformStatus', { id: 'k1' })).toEqual([{ id: 'k1', active: false }]);
    await plugin.Replace(false, 'platformStatus', { id: 'k1' }, { id: 'k1', active: true });
    await plugin.Replace(
      false,
      'platform',
      { platformUrl: platform.platformUrl, clientId: platform.clientId },
      { ...platform, platformName: 'Moodle 2' },
    );
    expect(await plugin.Get(false, 'platformStatus', { id: 'k1' })).toEqual([{ id: 'k1', active: true }]);
  });

  it('keeps nonces for as long as a token could be accepted (clock skew + token age + a margin: three minutes) and states ten minutes', async () => {
    await plugin.Insert(false, 'nonce', { nonce: 'n' });
    await plugin.Insert(false, 'state', { state: 's', query: {} });
    const rows = await database.db.select().from(ltiRecords).orderBy(ltiRecords.id);
    const lifetimes = rows.map((row) => Math.round((row.expiresAt!.getTime() - row.createdAt.getTime()) / 1000));
    expect(lifetimes).toEqual([180, 600]);
  });
});
