import type { IncomingMessage } from 'node:http';
import pino from 'pino';
import { pinoHttp } from 'pino-http';

/** Headers that carry a session or a credential: never written to the logs. */
const redactedPaths = ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'];

/**
 * Query parameters that are secrets: a registration token, ltijs's ltik, an id_token, the OIDC state and nonce,
 * and anything named like a token, a password or a secret.
 */
const secretParameter = /token|password|secret|^ltik$|^state$|^nonce$|^code$|^jwt$/i;
export const redactedValue = '[redacted]';

/** '/lti/register?registration_token=abc&x=1' → '/lti/register?registration_token=[redacted]&x=1'. */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return url;
  const query = new URLSearchParams(url.slice(queryStart + 1));
  let redacted = false;
  for (const name of new Set(query.keys())) {
    if (!secretParameter.test(name)) continue;
    query.set(name, redactedValue);
    redacted = true;
  }
  return redacted ? `${url.slice(0, queryStart)}?${query.toString().replaceAll(encodeURIComponent(redactedValue), redactedValue)}` : url;
}

function redactQuery(query: unknown): unknown {
  if (!query || typeof query !== 'object') return query;
  return Object.fromEntries(Object.entries(query).map(([name, value]) => [name, secretParameter.test(name) ? redactedValue : value]));
}

export function createLogger(level: string, destination?: pino.DestinationStream) {
  return destination ? pino({ level, redact: redactedPaths }, destination) : pino({ level, redact: redactedPaths });
}

type SerializedRequest = { url?: string; query?: unknown; [key: string]: unknown };

export function setUpRequestLogging(logger: pino.Logger) {
  return pinoHttp({
    logger,
    serializers: {
      req: (req: SerializedRequest) => {
        if (typeof req.url === 'string') req.url = redactUrl(req.url);
        if ('query' in req) req.query = redactQuery(req.query);
        return req;
      },
    },
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' || (req.url ?? '').startsWith('/assets') },
  });
}
