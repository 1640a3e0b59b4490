import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config';
import { setUpLtiTool } from '../src/lti/ltiTool';
import { openDatabase } from '../src/models/database';
import { ltiDeploymentRepository } from '../src/models/ltiDeploymentRepository';

/**
 * Registers an LMS that has no dynamic registration: `npm run platform:add -- --issuer … --client-id …`.
 * Each `--deployment-id` is recorded: launches from any other deployment are then refused.
 */
const usage = `Usage: npm run platform:add -- --issuer URL --client-id ID --auth-url URL --token-url URL --jwks-url URL [--deployment-id ID]... [--name NAME] [--pending]`;

async function main() {
  const { values } = parseArgs({
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
    console.error(`Missing: ${missing.map((name) => `--${name}`).join(', ')}\n${usage}`);
    process.exit(2);
  }
  const config = loadConfig();
  const database = await openDatabase(config.database);
  const unused = async () => undefined;
  const tool = await setUpLtiTool(database.db, config, {
    onLaunch: unused,
    onDeepLinking: unused,
    onRejectedLaunch: () => undefined,
    onDynamicRegistration: unused,
  });
  await tool.registerPlatform(
    {
      url: values.issuer!,
      name: values.name ?? values.issuer!,
      clientId: values['client-id']!,
      authenticationEndpoint: values['auth-url']!,
      accesstokenEndpoint: values['token-url']!,
      authConfig: { method: 'JWK_SET', key: values['jwks-url']! },
    },
    !values.pending,
  );
  const deployments = values['deployment-id'] ?? [];
  for (const deploymentId of deployments)
    await ltiDeploymentRepository.record(database.db, values.issuer!, values['client-id']!, deploymentId, 'command');
  const platform = await tool.provider.getPlatform(values.issuer!, values['client-id']!);
  const kid = platform ? await platform.platformKid() : '?';
  const deploymentText = deployments.length > 0 ? `, deployment ${deployments.join(', ')}` : ', deployment recorded at the first launch';
  console.log(
    `Registered ${values.issuer} (client ${values['client-id']}${deploymentText}) — ${values.pending ? 'pending until the office activates it' : 'active'}; tool key id ${kid}.`,
  );
  console.log(
    `Give the LMS: login ${config.publicBaseUrl}/lti/login, launch ${config.publicBaseUrl}/lti/launch, keys ${config.publicBaseUrl}/lti/keys`,
  );
  await tool.close();
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
