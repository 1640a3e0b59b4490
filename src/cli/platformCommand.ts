import { parseArgs } from 'node:util';
import type { Config } from '../config';
import type { LtiTool } from '../lti/ltiTool';
import type { Database } from '../models/database';
import { ltiDeploymentRepository } from '../models/ltiDeploymentRepository';
import { listPlatforms, setPlatformActive, type PlatformRow } from '../services/office/platforms';

/**
 * `npm run platform -- <command>`: what an operator does on the server, with no office session. The first
 * platform of a production install is activated here: an office session needs a launch from an active platform.
 */
export const platformUsage = `Usage:
  npm run platform -- list
  npm run platform -- activate <id> [--confirm-same-issuer]
  npm run platform -- deactivate <id>
  npm run platform -- add --issuer URL --client-id ID --auth-url URL --token-url URL --jwks-url URL [--deployment-id ID]... [--name NAME] [--pending]`;

export interface PlatformCommandContext {
  db: Database;
  tool: LtiTool;
  config: Pick<Config, 'publicBaseUrl'>;
  print(line: string): void;
}

/** Runs one command; returns the process exit code (0 done, 1 refused, 2 wrong usage). */
export async function runPlatformCommand(argv: string[], context: PlatformCommandContext): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'list':
      return list(context);
    case 'activate':
    case 'deactivate':
      return setActive(command === 'activate', rest, context);
    case 'add':
      return add(rest, context);
    default:
      context.print(platformUsage);
      return 2;
  }
}

function describe(row: PlatformRow): string {
  const state = row.active ? 'active' : row.sameIssuerAsActive ? 'pending, same issuer as an active platform' : 'pending';
  const deployments = row.deployments.length > 0 ? row.deployments.join(', ') : 'recorded at the first launch';
  return `${row.id}  ${row.name}  ${row.url}  client ${row.clientId}  deployments: ${deployments}  [${state}]`;
}

async function list({ db, tool, print }: PlatformCommandContext): Promise<number> {
  const rows = await listPlatforms(tool, db);
  if (rows.length === 0) print('No LMS platform is registered.');
  for (const row of rows) print(describe(row));
  return 0;
}

async function setActive(active: boolean, args: string[], { db, tool, print }: PlatformCommandContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'confirm-same-issuer': { type: 'boolean', default: false } },
  });
  const [platformId] = positionals;
  if (!platformId || positionals.length > 1) {
    print(platformUsage);
    return 2;
  }
  const target = (await listPlatforms(tool, db)).find((row) => row.id === platformId);
  if (!target) {
    print(`No platform has the id ${platformId} (see: npm run platform -- list).`);
    return 1;
  }
  if (active && target.sameIssuerAsActive && !values['confirm-same-issuer']) {
    print(
      `${target.url} is already active under another client id: this registration would act for the same accounts. ` +
        'Activate it only if it is the same LMS, with --confirm-same-issuer.',
    );
    return 1;
  }
  await setPlatformActive(tool, db, { actorUserId: null, platformId, active, sameIssuerConfirmed: values['confirm-same-issuer'] });
  print(`${active ? 'Activated' : 'Deactivated'}: ${describe({ ...target, active, sameIssuerAsActive: false })}`);
  return 0;
}

async function add(args: string[], { db, tool, config, print }: PlatformCommandContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      issuer: { type: 'string' },
      'client-id': { type: 'string' },
      'deployment-id': { type: 'string', multiple: true },
      'auth-url': { type: 'string' },
      'token-url': { type: 'string' },
      'jwks-url': { type: 'string' },
      name: { type: 'string' },
      pending: { type: 'boolean', default: false },
    },
  });
  const missing = ['issuer', 'client-id', 'auth-url', 'token-url', 'jwks-url'].filter((name) => !values[name as keyof typeof values]);
  if (missing.length > 0) {
    print(`Missing: ${missing.map((name) => `--${name}`).join(', ')}\n${platformUsage}`);
    return 2;
  }
  const issuer = values.issuer!;
  const clientId = values['client-id']!;
  await tool.registerPlatform(
    {
      url: issuer,
      name: values.name ?? issuer,
      clientId,
      authenticationEndpoint: values['auth-url']!,
      accesstokenEndpoint: values['token-url']!,
      authConfig: { method: 'JWK_SET', key: values['jwks-url']! },
    },
    !values.pending,
  );
  const deployments = values['deployment-id'] ?? [];
  for (const deploymentId of deployments) await ltiDeploymentRepository.record(db, issuer, clientId, deploymentId, 'command');
  const platform = await tool.provider.getPlatform(issuer, clientId);
  const kid = platform ? await platform.platformKid() : '?';
  const deploymentText = deployments.length > 0 ? `, deployment ${deployments.join(', ')}` : ', deployment recorded at the first launch';
  const state = values.pending ? `pending until activated (npm run platform -- activate ${kid})` : 'active';
  print(`Registered ${issuer} (client ${clientId}${deploymentText}) — ${state}; id ${kid}.`);
  print(
    `Give the LMS: login ${config.publicBaseUrl}/lti/login, launch ${config.publicBaseUrl}/lti/launch, keys ${config.publicBaseUrl}/lti/keys`,
  );
  return 0;
}
