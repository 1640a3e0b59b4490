import { Router } from 'express';
import { decodeJwt, jwtVerify } from 'jose';
import type { DeepLinkReturn, PlatformState } from './state';
import { claim } from './vocabulary';
import { renderDevView } from './views';

/** Deep linking return: verifies the tool's LtiDeepLinkingResponse and shows the content items it placed. */
export function deepLinkingRoutes(state: PlatformState): Router {
  const router = Router();
  router.post('/platform/deep-link-return', async (req, res) => {
    const jwt = (req.body as Record<string, unknown> | undefined)?.JWT;
    if (typeof jwt !== 'string' || !jwt)
      return void res.status(400).type('text').send('Invalid deep linking response: the JWT form field is required.');
    let clientId: string;
    try {
      clientId = String(decodeJwt(jwt).iss ?? '');
    } catch {
      return void res.status(400).type('text').send('Invalid deep linking response: JWT is not a JWT.');
    }
    const client = state.clients.get(clientId);
    if (!client) return void res.status(400).type('text').send(`Invalid deep linking response: unknown client "${clientId}".`);
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(jwt, client.toolKeys, { issuer: client.clientId, audience: state.urls.issuer }));
    } catch (error) {
      return void res
        .status(400)
        .type('text')
        .send(`Invalid deep linking response: ${(error as Error).message}`);
    }
    if (payload[claim.messageType] !== 'LtiDeepLinkingResponse')
      return void res.status(400).type('text').send('Invalid deep linking response: message_type must be LtiDeepLinkingResponse.');
    if (payload[claim.deploymentId] !== client.deploymentId)
      return void res.status(400).type('text').send('Invalid deep linking response: wrong deployment_id.');
    if (payload[claim.version] !== '1.3.0')
      return void res.status(400).type('text').send('Invalid deep linking response: version must be 1.3.0.');
    const items = payload[claim.deepLinkingContentItems];
    const received: DeepLinkReturn = {
      clientId,
      receivedAt: new Date().toISOString(),
      message: typeof payload[claim.deepLinkingMessage] === 'string' ? (payload[claim.deepLinkingMessage] as string) : undefined,
      data: payload[claim.deepLinkingData],
      contentItems: Array.isArray(items) ? (items as Array<Record<string, unknown>>) : [],
    };
    state.deepLinkReturns.push(received);
    await renderDevView(res, state, 'deep-link-return', { received });
  });
  return router;
}
