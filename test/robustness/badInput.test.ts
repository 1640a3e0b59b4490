import { eq } from 'drizzle-orm';
import { conventions, documents, outbox, sessions } from '../../src/models/schema';
import { BrowserlessClient } from '../support/browserlessClient';
import { useTestPstage } from '../support/pstage';

const pstage = useTestPstage();

function cookieHeader(client: BrowserlessClient): string {
  return [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}

/** A request no page of Pstage would send: any body, any content type (or none), the session's cookies. */
async function send(client: BrowserlessClient, path: string, body: string | Buffer | undefined, contentType?: string) {
  const headers: Record<string, string> = { cookie: cookieHeader(client), accept: 'text/html' };
  if (contentType) headers['content-type'] = contentType;
  const response = await fetch(new URL(path, client.baseUrl), {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : body && new Uint8Array(body),
    redirect: 'manual',
  });
  return { status: response.status, text: await response.text() };
}

/** A student with a fresh draft: the page of its first step, its CSRF token and what the database holds. */
async function studentWithDraft() {
  const { client, page } = await pstage.launch('camille-martin', 'm1-info');
  const csrf = BrowserlessClient.csrfToken(page.text);
  const started = await client.request('/student/conventions', { form: { _csrf: csrf } });
  const base = started.location!.replace(/\/personal$/, '');
  const id = Number(/(\d+)$/.exec(base)![1]);
  return { client, csrf, base, id };
}

/** Everything a bad request could have written: the draft, the session (kept form values), documents and outbox. */
async function snapshot(conventionId?: number) {
  const db = pstage.database.db;
  const [convention] = conventionId ? await db.select().from(conventions).where(eq(conventions.id, conventionId)) : [];
  return {
    convention,
    sessions: await db.select({ id: sessions.id, data: sessions.data }).from(sessions),
    documents: (await db.select().from(documents)).length,
    outbox: (await db.select().from(outbox)).length,
    conventions: (await db.select({ id: conventions.id }).from(conventions)).length,
  };
}

const personalFields = (csrf: string, extra: Record<string, string> = {}) =>
  new URLSearchParams({
    _csrf: csrf,
    version: '1',
    civility: 'Mme',
    firstName: 'Camille',
    lastName: 'Martin',
    birthDate: '2001-05-04',
    ...extra,
  }).toString();

describe('bad input gets a clear 4xx and a page that says what went wrong, never a 500, and writes nothing', () => {
  it.each([
    [
      'a 10 MB form',
      (csrf: string) => personalFields(csrf, { street: 'x'.repeat(10 * 1024 * 1024) }),
      'application/x-www-form-urlencoded',
      413,
      'trop volumineuses',
    ],
    [
      '5 000 fields',
      (csrf: string) => `${personalFields(csrf)}&${Array.from({ length: 5000 }, (_, index) => `f${index}=1`).join('&')}`,
      'application/x-www-form-urlencoded',
      413,
      'trop volumineuses',
    ],
    [
      'a UTF-16 charset',
      (csrf: string) => personalFields(csrf),
      'application/x-www-form-urlencoded; charset=utf-16',
      415,
      'Ce format d&#39;envoi n&#39;est pas accepté',
    ],
    [
      'a JSON body',
      (csrf: string) => JSON.stringify({ _csrf: csrf, firstName: 'Camille' }),
      'application/json',
      415,
      'Ce format d&#39;envoi n&#39;est pas accepté',
    ],
    ['a text body', (csrf: string) => personalFields(csrf), 'text/plain', 415, 'Ce format d&#39;envoi n&#39;est pas accepté'],
    ['no content type', (csrf: string) => Buffer.from(personalFields(csrf)), undefined, 415, 'Ce format d&#39;envoi n&#39;est pas accepté'],
    [
      'a NUL character in a field',
      (csrf: string) => personalFields(csrf, { city: 'Pa\0ris' }),
      'application/x-www-form-urlencoded',
      400,
      'caractère nul',
    ],
    [
      'a NUL character in a field name',
      (csrf: string) => `${personalFields(csrf)}&ci%00ty=Paris`,
      'application/x-www-form-urlencoded',
      400,
      'caractère nul',
    ],
    [
      'a NUL character in a field of a form that fails validation (its values would be kept in the session)',
      (csrf: string) => personalFields(csrf, { birthDate: 'hier', city: 'Pa\0ris' }),
      'application/x-www-form-urlencoded',
      400,
      'caractère nul',
    ],
  ])('a wizard step posted with %s', async (_case, body, contentType, status, text) => {
    const { client, csrf, base, id } = await studentWithDraft();
    const before = await snapshot(id);
    const response = await send(client, `${base}/personal`, body(csrf), contentType);
    expect({ status: response.status, page: response.text.includes(text) }).toEqual({ status, page: true });
    expect(response.text).not.toContain('Une erreur inattendue');
    expect(await snapshot(id)).toEqual(before);
    expect((await client.request('/health')).status).toBe(200);
  });

  it('a NUL character in the query string of any page', async () => {
    const { client } = await pstage.launch('office', 'office');
    const response = await client.request('/office/internships?host=Dupont%00');
    expect(response.status).toBe(400);
    expect(response.text).toContain('caractère nul');
    expect((await client.request('/office/conventions?q=a%00b')).status).toBe(400);
  });

  it('a 2 MB launch: 413, with the launch page’s language and no session created', async () => {
    const client = new BrowserlessClient(pstage.url);
    const before = await snapshot();
    const response = await send(client, '/lti/launch', `id_token=${'a'.repeat(2 * 1024 * 1024)}`, 'application/x-www-form-urlencoded');
    expect(response.status).toBe(413);
    expect(response.text).toContain('trop volumineuses');
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['/lti/login', 'iss=https%3A%2F%2Fmoodle%00.example.fr&login_hint=1&target_link_uri=http%3A%2F%2F127.0.0.1%2Flti%2Flaunch%3Fx'],
    ['/lti/launch', 'id_token=eyJ.eyJ.sig&state=abc%00'],
  ])('a NUL character in the form posted to %s: 400, and the server keeps serving', async (target, body) => {
    const client = new BrowserlessClient(pstage.url);
    const response = await send(client, target, body, 'application/x-www-form-urlencoded');
    expect({ status: response.status, page: response.text.includes('caractère nul') }).toEqual({ status: 400, page: true });
    expect((await client.request('/health')).status).toBe(200);
  });

  it('a cut-short certificate upload: 400 "not received in full", nothing stored', async () => {
    const { client } = await studentWithDraft();
    const page = await client.request('/student/certificate');
    const action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/.exec(page.text)![1].replace(/&amp;/g, '&');
    const before = await snapshot();
    const truncated =
      `--cut\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${BrowserlessClient.csrfToken(page.text)}\r\n` +
      '--cut\r\nContent-Disposition: form-data; name="certificate"; filename="attestation.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n1 0 obj';
    const response = await send(client, action, truncated, 'multipart/form-data; boundary=cut');
    expect(response.status).toBe(400);
    expect(response.text).toContain('Le fichier n&#39;a pas été reçu en entier');
    expect(await snapshot()).toEqual(before);
    const noBoundary = await send(client, action, truncated, 'multipart/form-data');
    expect(noBoundary.status).toBe(400);
  });

  it('a certificate whose file name holds a NUL character: 400, nothing stored', async () => {
    const { client } = await studentWithDraft();
    const page = await client.request('/student/certificate');
    const action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/.exec(page.text)![1].replace(/&amp;/g, '&');
    const before = await snapshot();
    const body =
      `--b\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${BrowserlessClient.csrfToken(page.text)}\r\n` +
      '--b\r\nContent-Disposition: form-data; name="certificate"; filename*=UTF-8\'\'a%00.pdf\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--b--\r\n';
    const response = await send(client, action, body, 'multipart/form-data; boundary=b');
    expect(response.status).toBe(400);
    expect(response.text).toContain('caractère nul');
    expect(await snapshot()).toEqual(before);
  });

  it.each(['abc', '2147483648', '-1', '1.5'])('starting a convention for programme %s: 400, no convention created', async (programmeId) => {
    const { client, page } = await pstage.launch('camille-martin', 'm1-info');
    const before = await snapshot();
    const response = await client.request('/student/conventions', { form: { _csrf: BrowserlessClient.csrfToken(page.text), programmeId } });
    expect(response.status).toBe(400);
    expect(response.text).toContain('Le formulaire contient des erreurs.');
    expect(await snapshot()).toEqual(before);
  });

  it('a cancellation reason too long comes back to the status page as a field error, the draft kept', async () => {
    const { client, base, id } = await studentWithDraft();
    const before = (await snapshot(id)).convention;
    const posted = await client.submit(base, { reason: 'r'.repeat(1001) }, `${base}/cancel`);
    expect(posted).toMatchObject({ status: 303, location: `${base}#reason` });
    const page = await client.request(base);
    expect(page.text).toContain('id="reason-error"');
    expect(page.text).toContain('r'.repeat(1001));
    expect((await snapshot(id)).convention).toEqual(before);
  });
});
