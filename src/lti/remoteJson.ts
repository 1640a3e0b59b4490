/** Why a remote JSON document could not be had; never carries what the remote server said. */
export class RemoteJsonError extends Error {}

const defaultTimeoutMs = 5_000;
const maxBytes = 64 * 1024;

export interface RemoteJsonRequest {
  method?: 'GET' | 'POST';
  json?: unknown;
  bearer?: string;
  /** 5 s by default. */
  timeoutMs?: number;
}

/**
 * Fetches a small JSON document from a platform: no redirects followed, a few seconds at most,
 * 64 KB at most, 2xx only.
 */
export async function fetchJson(url: URL, init: RemoteJsonRequest = {}): Promise<unknown> {
  return (await fetchJsonResponse(url, init)).body;
}

/** fetchJson, with the response's headers (a keyset's Cache-Control). */
export async function fetchJsonResponse(url: URL, init: RemoteJsonRequest = {}): Promise<{ body: unknown; headers: Headers }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  if (init.bearer) headers.authorization = `Bearer ${init.bearer}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      redirect: 'error',
      signal: AbortSignal.timeout(init.timeoutMs ?? defaultTimeoutMs),
    });
  } catch {
    throw new RemoteJsonError('unreachable');
  }
  if (response.status < 200 || response.status > 299) {
    await response.body?.cancel().catch(() => undefined);
    throw new RemoteJsonError(`status ${response.status}`);
  }
  const text = await readAtMost(response, maxBytes);
  try {
    return { body: JSON.parse(text) as unknown, headers: response.headers };
  } catch {
    throw new RemoteJsonError('not JSON');
  }
}

async function readAtMost(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw new RemoteJsonError('too large');
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof RemoteJsonError) throw error;
    throw new RemoteJsonError('interrupted');
  }
  return Buffer.concat(chunks).toString('utf8');
}
