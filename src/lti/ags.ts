import type { Provider } from 'ltijs';
import type { ActivityProgress, GradingProgress } from '../domain/lmsProgress';
import type { LtiDatabasePlugin } from './ltiDatabasePlugin';

export const agsScopes = {
  lineItem: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  score: 'https://purl.imsglobal.org/spec/lti-ags/scope/score',
} as const;

const postBackScopes = `${agsScopes.lineItem} ${agsScopes.score}`;

export interface AgsLineItem {
  id: string;
  label: string;
  scoreMaximum: number;
  tag?: string;
  resourceId?: string;
  resourceLinkId?: string;
}

export interface AgsScore {
  userId: string;
  scoreGiven: number;
  scoreMaximum: number;
  comment: string;
  activityProgress: ActivityProgress;
  gradingProgress: GradingProgress;
  /** When the state changed, not when it is posted: the LMS keeps the latest and refuses older ones. */
  timestamp: string;
}

/** The LMS answered with an error status. */
export class AgsHttpError extends Error {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly url: string,
    body: string,
  ) {
    super(`${method} ${url} answered ${status}${body ? `: ${body.slice(0, 300)}` : ''}`);
    this.name = 'AgsHttpError';
  }
}

/** The LMS could not be reached (connection refused, DNS, timeout). */
export class AgsUnreachableError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    cause: unknown,
  ) {
    super(`${method} ${url} unreachable: ${unreachableReason(cause)}`, { cause });
    this.name = 'AgsUnreachableError';
  }
}

/** fetch says only "fetch failed"; the reason (ECONNREFUSED, a timeout) is in its cause. Duck-typed: errors may come from another realm. */
function unreachableReason(error: unknown): string {
  const { name, message, code, cause } = (error ?? {}) as { name?: string; message?: string; code?: string; cause?: unknown };
  if (cause) return `${message ?? String(error)}: ${unreachableReason(cause)}`;
  const text = message || String(error);
  if (name === 'TimeoutError') return `no answer in time (${text})`;
  return typeof code === 'string' && !text.includes(code) ? `${code} ${text}` : text;
}

export interface AccessToken {
  token_type: string;
  access_token: string;
}

export interface AgsPlatformRef {
  iss: string;
  clientId: string;
}

/** OAuth 2 client-credentials tokens for the post-back scopes; ltijs signs the assertion and caches the token. */
export interface AgsTokenSource {
  /** Throws PlatformUnavailableError when the platform is not registered or not active. */
  get(platform: AgsPlatformRef): Promise<AccessToken>;
  /** Drops the cached token (the LMS answered 401: it restarted or revoked it). */
  forget(platform: AgsPlatformRef): Promise<void>;
}

export class PlatformUnavailableError extends Error {
  constructor(platform: AgsPlatformRef, reason: 'unregistered' | 'inactive') {
    super(
      `The LMS ${platform.iss} (client ${platform.clientId}) is ${reason === 'unregistered' ? 'not registered' : 'not active'} in Pstage`,
    );
    this.name = 'PlatformUnavailableError';
  }
}

export function ltijsTokenSource(provider: Provider, plugin: Pick<LtiDatabasePlugin, 'Delete'>): AgsTokenSource {
  return {
    async get(platform) {
      const registered = await provider.getPlatform(platform.iss, platform.clientId);
      if (!registered) throw new PlatformUnavailableError(platform, 'unregistered');
      if (!(await registered.platformActive())) throw new PlatformUnavailableError(platform, 'inactive');
      return registered.platformAccessToken(postBackScopes);
    },
    async forget(platform) {
      await plugin.Delete('accesstoken', { platformUrl: platform.iss, clientId: platform.clientId, scopes: postBackScopes });
    },
  };
}

const mediaType = {
  lineItem: 'application/vnd.ims.lis.v2.lineitem+json',
  lineItemContainer: 'application/vnd.ims.lis.v2.lineitemcontainer+json',
  score: 'application/vnd.ims.lis.v1.score+json',
};

/** Adds a path segment before the query string: Moodle's URLs carry `?type_id=…`. */
function withPath(url: string, segment: string): string {
  const parsed = new URL(url);
  parsed.pathname = `${parsed.pathname.replace(/\/$/, '')}/${segment}`;
  return parsed.toString();
}

function nextLink(header: string | null): string | undefined {
  return header
    ?.split(',')
    .map((part) => /<([^>]+)>\s*;\s*rel="?next"?/.exec(part)?.[1])
    .find(Boolean);
}

export interface AgsClient {
  /** Every line item of the container matching the filter, following `Link: rel="next"` pages. */
  listLineItems(lineItemsUrl: string, filter?: { tag?: string; resourceId?: string }): Promise<AgsLineItem[]>;
  createLineItem(lineItemsUrl: string, item: Omit<AgsLineItem, 'id'>): Promise<AgsLineItem>;
  /** `olderThanLatest`: the LMS holds a later score for this user (409) and keeps it. */
  submitScore(lineItemUrl: string, score: AgsScore): Promise<'accepted' | 'olderThanLatest'>;
}

/** The AGS calls Pstage makes, with a token fetched beforehand (so no database call happens during them). */
export function createAgsClient(token: AccessToken, options: { timeoutMs?: number } = {}): AgsClient {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const authorization = `${token.token_type.charAt(0).toUpperCase()}${token.token_type.slice(1)} ${token.access_token}`;

  async function call(method: 'GET' | 'POST', url: string, headers: Record<string, string>, body?: unknown): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { authorization, ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      throw new AgsUnreachableError(method, url, error);
    }
    return response;
  }

  async function failed(method: string, url: string, response: Response): Promise<never> {
    throw new AgsHttpError(response.status, method, url, await response.text().catch(() => ''));
  }

  return {
    async listLineItems(lineItemsUrl, filter = {}) {
      const first = new URL(lineItemsUrl);
      if (filter.tag) first.searchParams.set('tag', filter.tag);
      if (filter.resourceId) first.searchParams.set('resource_id', filter.resourceId);
      const items: AgsLineItem[] = [];
      let url: string | undefined = first.toString();
      for (let page = 0; url && page < 50; page += 1) {
        const response = await call('GET', url, { accept: mediaType.lineItemContainer });
        if (!response.ok) await failed('GET', url, response);
        items.push(...((await response.json()) as AgsLineItem[]));
        url = nextLink(response.headers.get('link'));
      }
      return items;
    },

    async createLineItem(lineItemsUrl, item) {
      const response = await call('POST', lineItemsUrl, { 'content-type': mediaType.lineItem, accept: mediaType.lineItem }, item);
      if (!response.ok) await failed('POST', lineItemsUrl, response);
      return (await response.json()) as AgsLineItem;
    },

    async submitScore(lineItemUrl, score) {
      const url = withPath(lineItemUrl, 'scores');
      const response = await call('POST', url, { 'content-type': mediaType.score }, score);
      if (response.status === 409) return 'olderThanLatest';
      if (!response.ok) await failed('POST', url, response);
      return 'accepted';
    },
  };
}
