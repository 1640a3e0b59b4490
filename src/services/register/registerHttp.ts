import { RegisterUnavailable } from './establishment';

const timeoutMs = 2_000;
const maxBytes = 512 * 1024;

/**
 * GETs a register's JSON: 2 s at most, no redirects, 512 KB at most. A 404 is "nothing found" (null), a 429 is
 * rate limiting; anything else that is not a 2xx JSON answer makes the register unavailable.
 */
export async function getRegisterJson(url: URL, headers: Record<string, string> = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json', ...headers },
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    throw new RegisterUnavailable('unavailable');
  }
  if (response.status === 404 || response.status === 429 || response.status < 200 || response.status > 299) {
    await response.body?.cancel().catch(() => undefined);
    if (response.status === 404) return null;
    throw new RegisterUnavailable(response.status === 429 ? 'rateLimited' : 'unavailable');
  }
  try {
    const body = await response.arrayBuffer();
    if (body.byteLength > maxBytes) throw new RegisterUnavailable('unavailable');
    return JSON.parse(Buffer.from(body).toString('utf8')) as unknown;
  } catch {
    throw new RegisterUnavailable('unavailable');
  }
}
