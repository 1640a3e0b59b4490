import { z } from 'zod';
import type { Config } from '../config';
import type { Database } from '../models/database';
import { ltiDeploymentRepository } from '../models/ltiDeploymentRepository';
import type { LtiTool } from './ltiTool';
import { fetchJson, RemoteJsonError } from './remoteJson';

/** Registrations waiting for the office beyond which new ones are refused. */
export const maxPendingPlatforms = 20;

export type RegistrationFailure =
  | 'missingConfiguration'
  | 'missingToken'
  | 'invalidConfigurationUrl'
  | 'originNotAllowed'
  | 'tooManyPending'
  | 'configurationUnreachable'
  | 'configurationInvalid'
  | 'issuerMismatch'
  | 'registrationEndpointNotAllowed'
  | 'registrationRefused'
  | 'registrationInvalid';

/** What failed, as an i18n key (`registration.failures.<code>`); never what the remote server answered. */
export class RegistrationError extends Error {
  constructor(readonly code: RegistrationFailure) {
    super(code);
    this.name = 'RegistrationError';
  }
}

const toolConfigurationClaim = 'https://purl.imsglobal.org/spec/lti-tool-configuration';
const platformConfigurationClaim = 'https://purl.imsglobal.org/spec/lti-platform-configuration';

const openidConfigurationSchema = z.looseObject({
  issuer: z.url({ protocol: /^https?$/ }),
  authorization_endpoint: z.url({ protocol: /^https?$/ }),
  token_endpoint: z.url({ protocol: /^https?$/ }),
  jwks_uri: z.url({ protocol: /^https?$/ }),
  registration_endpoint: z.url({ protocol: /^https?$/ }),
  authorization_server: z.string().max(2000).optional(),
  claims_supported: z.array(z.string().max(200)).max(100).optional(),
  [platformConfigurationClaim]: z.looseObject({ product_family_code: z.string().max(40).optional() }).optional(),
});

const registrationResponseSchema = z.looseObject({
  client_id: z.string().min(1).max(255),
  [toolConfigurationClaim]: z.looseObject({ deployment_id: z.string().min(1).max(255).optional() }).optional(),
});

/**
 * LTI Dynamic Registration 1.0 done by Pstage rather than ltijs, so that nothing is fetched or posted
 * before the request has been checked: a registration token, an allowed LMS origin, room among the
 * pending platforms, then an issuer on the host of the configuration URL (§3.5.1) and a registration
 * endpoint on that host too. The platform is registered pending unless auto-activation is on and no
 * active platform has the same issuer. The LMS's "update" of a registered tool (Moodle keeps the client id)
 * updates the stored platform's name, endpoints and keys, and keeps its activation state.
 */
export async function registerDynamically(
  deps: { tool: LtiTool; db: Database; config: Config },
  request: { configurationUrl?: string; registrationToken?: string },
): Promise<{ active: boolean; updated: boolean }> {
  const { tool, config } = deps;
  if (!request.configurationUrl) throw new RegistrationError('missingConfiguration');
  if (!request.registrationToken) throw new RegistrationError('missingToken');
  const configurationUrl = platformUrl(request.configurationUrl, config.production);
  if (!configurationUrl) throw new RegistrationError('invalidConfigurationUrl');
  if (config.lmsOrigins.length > 0 && !config.lmsOrigins.some((origin) => sameOrigin(origin, configurationUrl))) {
    throw new RegistrationError('originNotAllowed');
  }
  const platforms = await tool.provider.getAllPlatforms();
  const statuses = await Promise.all(
    platforms.map(async (platform) => ({ url: await platform.platformUrl(), active: await platform.platformActive() })),
  );
  if (statuses.filter((status) => !status.active).length >= maxPendingPlatforms) throw new RegistrationError('tooManyPending');

  const configuration = openidConfigurationSchema.safeParse(await remote(() => fetchJson(configurationUrl), 'configurationUnreachable'));
  if (!configuration.success) throw new RegistrationError('configurationInvalid');
  const platform = configuration.data;
  const issuer = platformUrl(platform.issuer, config.production);
  if (!issuer || issuer.host !== configurationUrl.host) throw new RegistrationError('issuerMismatch');
  const registrationEndpoint = platformUrl(platform.registration_endpoint, config.production);
  if (!registrationEndpoint || registrationEndpoint.host !== configurationUrl.host)
    throw new RegistrationError('registrationEndpointNotAllowed');

  const answer = registrationResponseSchema.safeParse(
    await remote(
      () =>
        fetchJson(registrationEndpoint, {
          method: 'POST',
          json: toolRegistration(config, platform.claims_supported),
          bearer: request.registrationToken,
        }),
      'registrationRefused',
    ),
  );
  if (!answer.success) throw new RegistrationError('registrationInvalid');
  const clientId = answer.data.client_id;
  const family = platform[platformConfigurationClaim]?.product_family_code || 'LMS';
  const stored = {
    url: platform.issuer,
    name: `${family} (${issuer.host})`,
    clientId,
    authenticationEndpoint: platform.authorization_endpoint,
    accesstokenEndpoint: platform.token_endpoint,
    authorizationServer: platform.authorization_server || platform.token_endpoint,
    authConfig: { method: 'JWK_SET' as const, key: platform.jwks_uri },
  };
  const deploymentId = answer.data[toolConfigurationClaim]?.deployment_id;
  const recordDeployment = async () => {
    if (deploymentId) await ltiDeploymentRepository.record(deps.db, platform.issuer, clientId, deploymentId, 'registration');
  };

  const existing = await tool.provider.getPlatform(platform.issuer, clientId);
  if (existing) {
    await tool.provider.updatePlatformById(await existing.platformKid(), stored);
    await recordDeployment();
    return { active: await existing.platformActive(), updated: true };
  }
  const active = config.dynamicRegistrationAutoActivate && !statuses.some((status) => status.active && status.url === platform.issuer);
  await tool.registerPlatform(stored, active);
  await recordDeployment();
  return { active, updated: false };
}

/** The tool's client registration request (§3.5.2), as ltijs 5.9 sends it. */
function toolRegistration(config: Config, claims: string[] | undefined): Record<string, unknown> {
  const base = `${config.publicBaseUrl}/lti`;
  return {
    application_type: 'web',
    response_types: ['id_token'],
    grant_types: ['implicit', 'client_credentials'],
    initiate_login_uri: `${base}/login`,
    redirect_uris: [`${base}/launch`],
    client_name: 'Pstage',
    jwks_uri: `${base}/keys`,
    token_endpoint_auth_method: 'private_key_jwt',
    scope: [
      'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly',
      'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
      'https://purl.imsglobal.org/spec/lti-ags/scope/score',
      'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
      'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
    ].join(' '),
    [toolConfigurationClaim]: {
      domain: new URL(config.publicBaseUrl).host,
      description: 'Conventions de stage',
      target_link_uri: `${base}/launch`,
      custom_parameters: {},
      claims,
      messages: [{ type: 'LtiResourceLinkRequest' }, { type: 'LtiDeepLinkingRequest' }],
    },
  };
}

/** An http(s) URL without credentials; https only in production. */
function platformUrl(value: string, production: boolean): URL | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const allowed = production ? ['https:'] : ['https:', 'http:'];
  if (!allowed.includes(url.protocol) || url.username || url.password) return undefined;
  return url;
}

function sameOrigin(origin: string, url: URL): boolean {
  try {
    return new URL(origin).origin === url.origin;
  } catch {
    return false;
  }
}

async function remote<T>(call: () => Promise<T>, failure: RegistrationFailure): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof RemoteJsonError) throw new RegistrationError(failure);
    throw error;
  }
}
