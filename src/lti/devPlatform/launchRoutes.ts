import { Router, type Request, type Response } from 'express';
import { launchClaims, signPlatformJwt } from './idToken';
import { findLink, findPersona } from './personas';
import type { PlatformState } from './state';
import { renderDevView } from './views';

/** Third-party initiated login: the browser goes to the tool's login URL, which comes back to the auth endpoint. */
export function launchStartRoutes(state: PlatformState): Router {
  const router = Router();
  router.get('/launch/:personaId/:linkId', (req, res) => {
    const persona = findPersona(req.params.personaId);
    const link = findLink(req.params.linkId);
    if (!persona || !link || !persona.linkIds.includes(link.id)) {
      res.status(404).type('text').send(`No launch link "${req.params.linkId}" for persona "${req.params.personaId}".`);
      return;
    }
    const clientId = typeof req.query.client_id === 'string' ? req.query.client_id : state.defaultClientId;
    const client = state.clients.get(clientId);
    if (!client) {
      res.status(404).type('text').send(`Unknown client_id "${clientId}".`);
      return;
    }
    const login = new URL(client.loginUrl);
    login.searchParams.set('iss', state.urls.issuer);
    login.searchParams.set('login_hint', persona.id);
    login.searchParams.set('target_link_uri', client.targetLinkUri);
    login.searchParams.set('lti_message_hint', link.id);
    login.searchParams.set('client_id', client.clientId);
    login.searchParams.set('lti_deployment_id', client.deploymentId);
    res.redirect(302, login.toString());
  });
  return router;
}

function withoutQuery(url: string): string {
  return url.split('?')[0] ?? url;
}

type AuthCheck = { error: string } | { idTokenInput: Parameters<typeof launchClaims>[1]; redirectUri: string; state: string };

export function checkAuthenticationRequest(state: PlatformState, params: Record<string, unknown>): AuthCheck {
  const text = (name: string): string => (typeof params[name] === 'string' ? (params[name] as string) : '');
  if (!text('scope').split(' ').includes('openid')) return { error: 'scope must include "openid".' };
  if (text('response_type') !== 'id_token') return { error: 'response_type must be "id_token".' };
  if (text('response_mode') !== 'form_post') return { error: 'response_mode must be "form_post".' };
  const client = state.clients.get(text('client_id'));
  if (!client) return { error: `Unknown client_id "${text('client_id')}".` };
  const redirectUri = text('redirect_uri');
  const allowed = client.redirectUris.flatMap((uri) => [uri, withoutQuery(uri)]);
  if (!allowed.includes(redirectUri)) return { error: `redirect_uri "${redirectUri}" is not registered for client "${client.clientId}".` };
  const persona = findPersona(text('login_hint'));
  if (!persona) return { error: `Unknown login_hint "${text('login_hint')}".` };
  const link = findLink(text('lti_message_hint'));
  if (!link || !persona.linkIds.includes(link.id))
    return { error: `lti_message_hint "${text('lti_message_hint')}" is not a launch link of "${persona.id}".` };
  if (params.lti_deployment_id !== undefined && text('lti_deployment_id') !== client.deploymentId) {
    return { error: `lti_deployment_id "${text('lti_deployment_id')}" does not match the client's deployment.` };
  }
  if (!text('nonce')) return { error: 'nonce is required.' };
  if (!text('state')) return { error: 'state is required.' };
  return { idTokenInput: { persona, link, client, nonce: text('nonce') }, redirectUri, state: text('state') };
}

/** OIDC authorization endpoint: answers a page that form-posts the signed id_token to the tool. */
export function authenticationRoutes(state: PlatformState): Router {
  const router = Router();
  const authenticate = async (req: Request, res: Response): Promise<void> => {
    const params = { ...req.query, ...(req.method === 'POST' ? req.body : {}) } as Record<string, unknown>;
    const checked = checkAuthenticationRequest(state, params);
    if ('error' in checked) {
      res.status(400).type('text').send(`Invalid authentication request: ${checked.error}`);
      return;
    }
    const idToken = await signPlatformJwt(state, launchClaims(state, checked.idTokenInput));
    await renderDevView(res, state, 'auto-post', {
      action: checked.redirectUri,
      fields: { id_token: idToken, state: checked.state },
      scriptUrl: `${state.urls.mountPath}/assets/autosubmit.js`,
      title: `Connexion de ${checked.idTokenInput.persona.name}`,
    });
  };
  router.get('/platform/auth', authenticate);
  router.post('/platform/auth', authenticate);
  return router;
}
