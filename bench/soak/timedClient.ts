import { BrowserlessClient, type FormFields } from '../../test/support/browserlessClient';
import type { SoakStats } from './stats';

/** Thrown to the simulated users once the soak's time is up: not an error. */
export class SoakOver extends Error {}

/** The kind of route a request is reported under. */
export function routeKind(method: string, path: string): string {
  if (path.startsWith('/lti/login')) return 'lti login';
  if (path.startsWith('/lti/launch')) return 'lti launch';
  if (path.startsWith('/documents/') || path.endsWith('.pdf')) return 'pdf';
  if (path === '/health') return 'health';
  if (path.endsWith('.csv')) return 'office csv';
  const area = path.startsWith('/student') ? 'student' : path.startsWith('/office') ? 'office' : 'other';
  return `${area} ${method === 'GET' ? 'page' : 'form post'}`;
}

/**
 * A simulated browser: thinks a while before each request to Pstage, times it and records it by route kind
 * (a status of 500 or more, or no answer, is an error). Requests to the LMS are not counted.
 */
export class TimedClient extends BrowserlessClient {
  constructor(
    baseUrl: string,
    private readonly stats: SoakStats,
    private readonly options: { thinkMs: number; over: () => boolean },
  ) {
    super(baseUrl);
  }

  override async request(url: string, init: { method?: string; form?: FormFields; headers?: Record<string, string> } = {}) {
    const target = new URL(url, this.baseUrl);
    const ours = target.origin === new URL(this.baseUrl).origin;
    if (ours) {
      if (this.options.over()) throw new SoakOver();
      await new Promise((resolve) => setTimeout(resolve, this.options.thinkMs * (0.5 + Math.random())));
    }
    const kind = routeKind(init.method ?? (init.form ? 'POST' : 'GET'), target.pathname);
    const started = performance.now();
    try {
      const response = await super.request(url, init);
      if (ours)
        this.stats.record(kind, performance.now() - started, response.status >= 500 ? `${response.status} ${target.pathname}` : undefined);
      return response;
    } catch (error) {
      if (ours) this.stats.record(kind, performance.now() - started, `${target.pathname}: ${String(error)}`);
      throw error;
    }
  }
}
