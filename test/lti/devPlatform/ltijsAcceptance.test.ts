import { startDevPlatformServer, type DevPlatformServer } from './devPlatformServer';

// ltijs's own token validation (5.9.9), fed a stand-in platform record and nonce store: the launch tokens the
// development platform signs must pass exactly what the tool will check.
const Auth = require('ltijs/dist/Utils/Auth') as {
  validateToken(
    token: string,
    devMode: boolean,
    validation: { iss: string; maxAge: number },
    getPlatform: unknown,
    key: string,
    db: unknown,
  ): Promise<Record<string, unknown>>;
};

let env: DevPlatformServer;
beforeAll(async () => {
  env = await startDevPlatformServer();
});
afterAll(() => env.close());

function ltijsPlatform(jwksUrl: string) {
  return {
    platformActive: async () => true,
    platformAuthConfig: async () => ({ method: 'JWK_SET', key: jwksUrl }),
    platformClientId: async () => env.platform.clientId,
    platformKid: async () => 'tool-kid',
  };
}

function nonceStore() {
  const nonces = new Set<string>();
  return {
    Get: async (_key: unknown, _collection: string, query: { nonce: string }) => (nonces.has(query.nonce) ? [query] : false),
    Insert: async (_key: unknown, _collection: string, row: { nonce: string }) => void nonces.add(row.nonce),
  };
}

async function validate(token: string) {
  const getPlatform = async (iss: string, aud: string) =>
    iss === env.platform.issuer && aud === env.platform.clientId ? ltijsPlatform(env.platform.jwksUrl) : false;
  return Auth.validateToken(token, false, { iss: env.platform.issuer, maxAge: 10 }, getPlatform, 'key', nonceStore());
}

describe('ltijs accepts the development platform tokens', () => {
  it.each([
    ['camille-martin', 'm1-info'],
    ['elodie-lefevre', 'global'],
    ['office', 'office'],
    ['jean-dupont', 'm1-info-deep-link'],
  ])('validates the launch of %s through %s', async (personaId, linkId) => {
    const valid = await validate(await env.platform.signIdToken({ personaId, linkId }));
    expect(valid.clientId).toBe('pstage-dev');
  });

  it('rejects a token signed with a foreign key, an expired one and one without roles', async () => {
    await expect(
      validate(await env.platform.signIdToken({ personaId: 'camille-martin', linkId: 'm1-info', signWith: 'foreign' })),
    ).rejects.toThrow(/signature/);
    await expect(
      validate(await env.platform.signIdToken({ personaId: 'camille-martin', linkId: 'm1-info', expiresIn: -10 })),
    ).rejects.toThrow(/expired/);
    await expect(
      validate(
        await env.platform.signIdToken({
          personaId: 'camille-martin',
          linkId: 'm1-info',
          overrides: { 'https://purl.imsglobal.org/spec/lti/claim/roles': undefined },
        }),
      ),
    ).rejects.toThrow('NO_ROLES_CLAIM');
  });
});
