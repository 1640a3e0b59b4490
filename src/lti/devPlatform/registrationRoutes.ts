import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { renderDevView } from './views';
import { toolKeySet, type PlatformState } from './state';
import { allScopes } from './vocabulary';

const toolConfigurationClaim = 'https://purl.imsglobal.org/spec/lti-tool-configuration';
const registrationTokenLifetimeMs = 60 * 60 * 1000;

/** LTI Dynamic Registration 1.0 §3.5.2: the tool's client registration request. */
const registrationSchema = z.looseObject({
  application_type: z.literal('web'),
  response_types: z.array(z.string()).refine((types) => types.includes('id_token'), 'must include id_token'),
  grant_types: z
    .array(z.string())
    .refine((types) => types.includes('implicit') && types.includes('client_credentials'), 'must include implicit and client_credentials'),
  initiate_login_uri: z.url(),
  redirect_uris: z.array(z.url()).min(1),
  client_name: z.string().min(1),
  jwks_uri: z.url(),
  token_endpoint_auth_method: z.literal('private_key_jwt'),
  scope: z.string().optional(),
  [toolConfigurationClaim]: z.looseObject({
    domain: z.string().min(1),
    target_link_uri: z.url().optional(),
    custom_parameters: z.record(z.string(), z.string()).optional(),
    claims: z.array(z.string()).optional(),
    messages: z.array(z.looseObject({ type: z.string() })).optional(),
  }),
});

/**
 * A registration token as the platform's registration page hands it to the tool (valid one hour, used once).
 * With `updatesClientId`, the token of Moodle's "Update" on an existing tool: the registration keeps that client id.
 */
export function newRegistrationToken(state: PlatformState, updatesClientId?: string): string {
  const token = randomBytes(24).toString('base64url');
  state.registrationTokens.set(token, {
    expiresAt: Date.now() + registrationTokenLifetimeMs,
    ...(updatesClientId ? { updatesClientId } : {}),
  });
  return token;
}

export function openidConfiguration(state: PlatformState): Record<string, unknown> {
  return { ...specOpenidConfiguration(state), ...state.openidConfigurationOverrides };
}

function specOpenidConfiguration(state: PlatformState): Record<string, unknown> {
  const { urls } = state;
  return {
    issuer: urls.issuer,
    authorization_endpoint: urls.authenticationEndpoint,
    token_endpoint: urls.accesstokenEndpoint,
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: ['RS256'],
    jwks_uri: urls.jwksUrl,
    registration_endpoint: urls.registrationEndpoint,
    scopes_supported: ['openid', ...allScopes],
    response_types_supported: ['id_token'],
    subject_types_supported: ['public', 'pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    claims_supported: ['sub', 'iss', 'name', 'given_name', 'family_name', 'email', 'locale'],
    'https://purl.imsglobal.org/spec/lti-platform-configuration': {
      product_family_code: 'moodle',
      version: '4.5 (plateforme de développement Pstage)',
      messages_supported: [{ type: 'LtiResourceLinkRequest' }, { type: 'LtiDeepLinkingRequest', placements: ['ContentArea'] }],
      variables: ['ResourceLink.id', 'Context.id', 'Person.sourcedId'],
    },
  };
}

export function registrationRoutes(state: PlatformState): Router {
  const router = Router();
  let registrations = 0;

  router.get('/platform/.well-known/openid-configuration', (_req, res) => {
    res.json(openidConfiguration(state));
  });

  router.post('/platform/register', (req, res) => {
    const [kind, token] = (req.get('authorization') ?? '').split(' ');
    const issued = token ? state.registrationTokens.get(token) : undefined;
    if (kind?.toLowerCase() !== 'bearer' || !token || issued === undefined || issued.expiresAt < Date.now()) {
      return void res.status(401).json({ error: 'invalid_token', error_description: 'A valid registration token is required.' });
    }
    const parsed = registrationSchema.safeParse(req.body);
    if (!parsed.success) {
      return void res.status(400).json({
        error: 'invalid_client_metadata',
        error_description: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
      });
    }
    state.registrationTokens.delete(token);
    const request = parsed.data;
    const toolConfiguration = request[toolConfigurationClaim];
    registrations += 1;
    const clientId = issued.updatesClientId ?? `pstage-dynreg-${registrations}-${randomBytes(4).toString('hex')}`;
    const requestedScopes = (request.scope ?? '').split(' ').filter(Boolean);
    const scopes = requestedScopes.length ? requestedScopes.filter((s) => allScopes.includes(s)) : [...allScopes];
    const deploymentId = state.clients.get(state.defaultClientId)?.deploymentId ?? 'dev-deployment-1';
    state.clients.set(clientId, {
      clientId,
      deploymentId,
      name: request.client_name,
      loginUrl: request.initiate_login_uri,
      targetLinkUri: toolConfiguration.target_link_uri ?? request.redirect_uris[0]!,
      redirectUris: request.redirect_uris,
      jwksUrl: request.jwks_uri,
      scopes,
      registration: request,
      toolKeys: toolKeySet(request.jwks_uri),
    });
    res.json({
      ...request,
      client_id: clientId,
      scope: scopes.join(' '),
      [toolConfigurationClaim]: { ...toolConfiguration, deployment_id: deploymentId },
    });
  });

  router.get('/register', async (_req, res) => {
    const token = newRegistrationToken(state);
    const registrationUrl = new URL(state.tool.registrationUrl);
    await renderDevView(res, state, 'register', {
      registrationAction: `${registrationUrl.origin}${registrationUrl.pathname}`,
      registrationQuery: [...registrationUrl.searchParams.entries()],
      openidConfigurationUrl: state.urls.openidConfigurationUrl,
      registrationToken: token,
      clients: [...state.clients.values()].filter((client) => client.registration),
      scriptUrl: `${state.urls.mountPath}/assets/register.js`,
    });
  });

  return router;
}
