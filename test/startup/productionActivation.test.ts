import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BrowserlessClient } from '../support/browserlessClient';
import { startProductionLike, type ProductionLike } from '../support/productionLike';

/** Pstage with NODE_ENV=production needs PostgreSQL: runs when DATABASE_URL is set. */
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl)
  console.info(
    'test/startup/productionActivation.test.ts: skipped, it needs a PostgreSQL server (Pstage in production and its command line share it; runs when DATABASE_URL is set)',
  );
const onPostgres = databaseUrl ? describe : describe.skip;

const root = path.join(__dirname, '..', '..');
const startBudgetMs = 180_000;

/** The institution's seal, required in production, made as an operator would (as .ci/production-start does). */
function sealFile(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'pstage-seal-'));
  const run = (args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  run([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    `${folder}/seal.key`,
    '-out',
    `${folder}/seal.crt`,
    '-days',
    '2',
    '-subj',
    '/CN=Pstage test seal/O=Universite de test/C=FR',
  ]);
  run([
    'pkcs12',
    '-export',
    '-inkey',
    `${folder}/seal.key`,
    '-in',
    `${folder}/seal.crt`,
    '-out',
    `${folder}/seal.p12`,
    '-passout',
    'pass:seal',
  ]);
  return `${folder}/seal.p12`;
}

let lab: ProductionLike | undefined;
let productionEnv: Record<string, string> = {};
beforeAll(async () => {
  if (!databaseUrl) return;
  lab = await startProductionLike('productionactivation', { freshDatabase: true });
  productionEnv = {
    NODE_ENV: 'production',
    ENCRYPTION_KEY: 'production-activation-test-encryption-key-0123',
    SEAL_P12_PATH: sealFile(),
    SEAL_P12_PASSWORD: 'seal',
    INSTITUTION_NAME: 'Université de test',
    INSTITUTION_STREET: '1 rue du Test',
    INSTITUTION_POSTAL_CODE: '75005',
    INSTITUTION_CITY: 'Paris',
    DEAN_NAME: 'Marie Doyenne',
    DEAN_CIVILITY: 'Mme',
  };
  await lab.start(productionEnv);
}, startBudgetMs);
afterAll(async () => lab?.close());

/** `npm run platform -- …` on the server: the same environment as the running Pstage (its database). */
async function platformCommand(...args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'scripts/platform.ts'), ...args], {
    cwd: mkdtempSync(path.join(tmpdir(), 'pstage-cli-')),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...productionEnv,
      DATABASE_URL: lab!.databaseUrl,
      PUBLIC_BASE_URL: lab!.proxy.url,
      SMTP_HOST: '127.0.0.1',
      MAIL_FROM: 'Pstage <no-reply@univ.example.fr>',
      OFFICE_EMAIL: 'stages@univ.example.fr',
      LOG_LEVEL: 'silent',
    },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, output };
}

onPostgres('the first activation of a platform in production, from the command line', () => {
  it(
    'a platform added pending is refused at launch; once activated with npm run platform -- activate, its student launches',
    async () => {
      const platform = lab!.lms.platform;
      const added = await platformCommand(
        'add',
        '--issuer',
        platform.issuer,
        '--client-id',
        platform.clientId,
        '--deployment-id',
        platform.deploymentId,
        '--auth-url',
        platform.authenticationEndpoint,
        '--token-url',
        platform.accesstokenEndpoint,
        '--jwks-url',
        platform.jwksUrl,
        '--pending',
      );
      expect(added).toMatchObject({ code: 0 });

      const refused = await lab!.lms.launch('elodie-lefevre', 'm1-info');
      expect(refused.page.status).toBe(401);
      expect(refused.page.text).toContain('pas encore activée');

      const listed = await platformCommand('list');
      expect(listed.code).toBe(0);
      const line = listed.output.split('\n').find((text) => text.includes(platform.issuer)) ?? '';
      expect(line).toContain('[pending]');
      const id = line.split(' ')[0];

      expect(await platformCommand('activate', id)).toMatchObject({ code: 0 });
      expect((await platformCommand('list')).output).toContain(
        `client ${platform.clientId}  deployments: ${platform.deploymentId}  [active]`,
      );

      const launched = await lab!.lms.launch('elodie-lefevre', 'm1-info');
      expect(launched.page.status).toBe(200);
      expect(launched.page.url).toBe(`${lab!.proxy.url}/student`);

      expect(await platformCommand('deactivate', id)).toMatchObject({ code: 0 });
      const again = await new BrowserlessClient(lab!.proxy.url).follow(platform.launchUrlFor('camille-martin', 'm1-info'));
      expect(again.status).toBe(401);
    },
    startBudgetMs,
  );
});
