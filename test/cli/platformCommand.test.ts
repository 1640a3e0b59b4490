import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import { runPlatformCommand } from '../../src/cli/platformCommand';
import { auditLog } from '../../src/models/schema';
import { listPlatforms } from '../../src/services/office/platforms';
import { offerSetupCode } from '../../src/services/setup/setupCode';
import { BrowserlessClient } from '../support/browserlessClient';
import { useTestPstage } from '../support/pstage';

const pstage = useTestPstage();

async function platformCommand(...argv: string[]) {
  const lines: string[] = [];
  const code = await runPlatformCommand(argv, {
    db: pstage.database.db,
    tool: pstage.services.lti(),
    config: { publicBaseUrl: pstage.url },
    print: (line) => lines.push(line),
  });
  return { code, output: lines.join('\n') };
}

async function developmentPlatformId() {
  const rows = await listPlatforms(pstage.services.lti(), pstage.database.db);
  return rows.find((row) => row.url === pstage.devPlatform!.issuer)!.id;
}

/** A launch of a student through the development platform: 200 once the platform is active, 401 before. */
async function launchStatus() {
  const response = await new BrowserlessClient(pstage.url).follow(pstage.devPlatform!.launchUrlFor('camille-martin', 'm1-info'));
  return response.status;
}

describe('npm run platform: the operator manages LMS platforms on the server, with no office session', () => {
  it('lists each platform by what an operator recognises: name, issuer, client id, deployments and state', async () => {
    const { code, output } = await platformCommand('list');
    expect(code).toBe(0);
    expect(output).toContain(`${await developmentPlatformId()}  `);
    expect(output).toContain(pstage.devPlatform!.issuer);
    expect(output).toContain('[active]');
  });

  it('activates a pending platform, after which its users can launch; each change is in the audit log', async () => {
    const id = await developmentPlatformId();
    expect(await platformCommand('deactivate', id)).toMatchObject({ code: 0 });
    expect(await launchStatus()).toBe(401);
    expect((await platformCommand('list')).output).toContain('[pending]');

    const activated = await platformCommand('activate', id);
    expect(activated.code).toBe(0);
    expect(activated.output).toContain('Activated');
    expect(await launchStatus()).toBe(200);
    const audit = await pstage.database.db.select().from(auditLog).where(eq(auditLog.targetId, id)).orderBy(auditLog.id);
    expect(audit.map((row) => [row.action, row.actorUserId, row.details])).toEqual([
      ['platform.deactivate', null, { by: 'command line' }],
      ['platform.activate', null, { by: 'command line' }],
    ]);
  });

  it('activates a registration with the issuer of an active platform only with --confirm-same-issuer', async () => {
    await pstage.services.lti().plugin.Replace(
      false,
      'platform',
      { platformUrl: pstage.devPlatform!.issuer, clientId: 'look-alike' },
      {
        platformName: 'Same issuer',
        platformUrl: pstage.devPlatform!.issuer,
        clientId: 'look-alike',
        authEndpoint: 'https://x',
        accesstokenEndpoint: 'https://x',
        kid: 'look-alike-kid',
        authConfig: { method: 'JWK_SET', key: 'https://x' },
      },
    );
    expect((await platformCommand('list')).output).toContain('[pending, same issuer as an active platform]');
    const refused = await platformCommand('activate', 'look-alike-kid');
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('--confirm-same-issuer');
    expect((await platformCommand('list')).output).toContain('look-alike-kid  Same issuer');
    expect(await platformCommand('activate', 'look-alike-kid', '--confirm-same-issuer')).toMatchObject({ code: 0 });
    const [audit] = await pstage.database.db.select().from(auditLog).where(eq(auditLog.targetId, 'look-alike-kid'));
    expect(audit.details).toEqual({ sameIssuerAsActive: true, confirmed: true, by: 'command line' });
  });

  it('says what is wrong with an unknown id or a wrong usage, and changes nothing', async () => {
    expect(await platformCommand('activate', 'no-such-platform')).toEqual({
      code: 1,
      output: 'No platform has the id no-such-platform (see: npm run platform -- list).',
    });
    expect((await platformCommand('activate')).code).toBe(2);
    expect((await platformCommand('remove', 'x')).output).toContain('Usage:');
    expect(await pstage.database.db.select().from(auditLog)).toEqual([]);
  });

  it('registers a platform pending and tells how to activate it', async () => {
    const added = await platformCommand(
      'add',
      '--issuer',
      'https://moodle.example.fr',
      '--client-id',
      'abc123',
      '--auth-url',
      'https://moodle.example.fr/mod/lti/auth.php',
      '--token-url',
      'https://moodle.example.fr/mod/lti/token.php',
      '--jwks-url',
      'https://moodle.example.fr/mod/lti/certs.php',
      '--pending',
    );
    expect(added.code).toBe(0);
    const row = (await listPlatforms(pstage.services.lti(), pstage.database.db)).find((platform) => platform.clientId === 'abc123')!;
    expect(row.active).toBe(false);
    expect(added.output).toContain(`pending until activated (npm run platform -- activate ${row.id})`);
  });
});

describe('the one-time setup code of the server log: the first activation without a command line', () => {
  async function offerCode(now = pstage.services.clock.now()) {
    const logged: string[] = [];
    const logger = { warn: (_fields: unknown, message: string) => logged.push(message) } as unknown as Logger;
    const code = await offerSetupCode(pstage.database.db, pstage.services.lti(), { now, minutes: 60, publicBaseUrl: pstage.url, logger });
    return { code, logged: logged.join('\n') };
  }
  const typeCode = (code: string) => new BrowserlessClient(pstage.url).request('/setup', { form: { code } });
  const auditActions = async () =>
    (await pstage.database.db.select().from(auditLog).orderBy(auditLog.id)).map((row) => [row.action, row.details]);

  it('is printed only when no platform is active, activates the first pending one once, and is audited', async () => {
    expect(await offerCode()).toEqual({ code: null, logged: '' });
    const id = await developmentPlatformId();
    await platformCommand('deactivate', id);
    const { code, logged } = await offerCode();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(logged).toContain(`${pstage.url}/setup with the one-time setup code ${code} (valid 60 minutes, once`);
    const form = await new BrowserlessClient(pstage.url).request('/setup');
    expect(form.text).toContain('name="code"');

    const wrong = await typeCode('AAAA-AAAA-AAAA');
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain('Ce code n&#39;est pas le bon.');
    expect(await launchStatus()).toBe(401);

    // Typed in lower case without the dashes: the same code.
    const right = await typeCode(code!.toLowerCase().replace(/-/g, ' '));
    expect(right.status).toBe(200);
    expect(right.text).toContain('La plateforme est activée');
    expect(await launchStatus()).toBe(200);
    expect((await auditActions()).slice(1)).toEqual([
      ['setup_code.wrong', { attempt: 1 }],
      ['platform.activate', expect.objectContaining({ by: 'setup code', issuer: pstage.devPlatform!.issuer })],
    ]);
    const again = await typeCode(code!);
    expect(again.status).toBe(422);
    expect(again.text).toContain('Aucun code d&#39;installation n&#39;est valable');
  });

  it('is refused once expired, after five wrong tries, and a new start-up voids the previous code; in English for English browsers', async () => {
    await platformCommand('deactivate', await developmentPlatformId());
    const old = await offerCode(new Date(pstage.services.clock.now().getTime() - 61 * 60_000));
    expect((await typeCode(old.code!)).text).toContain('Aucun code d&#39;installation n&#39;est valable');

    const first = await offerCode();
    const second = await offerCode();
    expect((await typeCode(first.code!)).status).toBe(422);
    for (let attempt = 2; attempt <= 5; attempt += 1) expect((await typeCode('BBBB-BBBB-BBBB')).status).toBe(422);
    const tooLate = await new BrowserlessClient(pstage.url).request('/setup', {
      form: { code: second.code! },
      headers: { 'accept-language': 'en' },
    });
    expect(tooLate.text).toContain('No setup code is valid');
    expect(await launchStatus()).toBe(401);
  });
});
