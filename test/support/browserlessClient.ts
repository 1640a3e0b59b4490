import { readAutoPostForm } from '../../src/lti/devPlatform';

export type FormFields = Record<string, string | string[]>;

/**
 * An HTTP client that behaves like a browser for the LTI flow: a cookie jar, manual redirects,
 * and auto-posting of the platform's form_post page.
 */
export class BrowserlessClient {
  readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request(url: string, init: { method?: string; form?: FormFields; headers?: Record<string, string> } = {}) {
    const target = new URL(url, this.baseUrl);
    const headers: Record<string, string> = { accept: 'text/html', ...init.headers };
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (cookie && target.origin === new URL(this.baseUrl).origin) headers.cookie = cookie;
    let body: string | undefined;
    if (init.form) {
      body = new URLSearchParams(
        Object.entries(init.form).flatMap(([name, value]) => [value].flat().map((item) => [name, item])),
      ).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const response = await fetch(target, { method: init.method ?? (init.form ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = setCookie.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: response.status, location: response.headers.get('location'), text: await response.text(), url: target.toString() };
  }

  /** A GET with the client's session, keeping the body as bytes (PDFs, CSV). */
  async download(path: string) {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(new URL(path, this.baseUrl), { headers: { cookie, accept: 'text/html' }, redirect: 'manual' });
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8') };
  }

  /** Follows redirects and platform auto-post forms until a page that is neither. */
  async follow(url: string, init: { method?: string; form?: FormFields } = {}, maxSteps = 10) {
    let response = await this.request(url, init);
    for (let step = 0; step < maxSteps; step += 1) {
      if (response.status >= 300 && response.status < 400 && response.location) {
        response = await this.request(new URL(response.location, response.url).toString());
      } else if (
        response.status === 200 &&
        /data-auto-post|autosubmit/.test(response.text) &&
        /name="id_token"|name="JWT"/.test(response.text)
      ) {
        const form = readAutoPostForm(response.text);
        response = await this.request(new URL(form.action, response.url).toString(), { form: form.fields });
      } else {
        return response;
      }
    }
    throw new Error('Too many redirects');
  }

  /**
   * What a user does on a form page: open `pagePath`, then post `fields` to `action` (default: the page itself)
   * with the page's CSRF token and, when the page has one, its `version` field. Redirects are not followed.
   */
  async submit(pagePath: string, fields: FormFields = {}, action = pagePath.split('?')[0]) {
    const page = await this.request(pagePath);
    const version = /name="version" value="(\d+)"/.exec(page.text)?.[1];
    return this.request(action, { form: { _csrf: BrowserlessClient.csrfToken(page.text), ...(version ? { version } : {}), ...fields } });
  }

  /** The CSRF token of the current page's forms. */
  static csrfToken(html: string): string {
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (!token) throw new Error('No CSRF token in the page');
    return token;
  }
}
