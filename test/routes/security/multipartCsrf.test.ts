import { documents } from '../../../src/models/schema';
import { BrowserlessClient } from '../../support/browserlessClient';
import { cookieHeader, startDraftConvention } from '../../support/certificateUpload';
import { useTestPstage } from '../../support/pstage';

const pstage = useTestPstage();
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** Camille with a draft convention, on the certificate page: the token her forms carry. */
async function camilleOnCertificatePage() {
  const { client } = await pstage.launch('camille-martin', 'm1-info');
  const conventionId = await startDraftConvention(client);
  const page = await client.request('/student/certificate');
  return { client, conventionId, token: BrowserlessClient.csrfToken(page.text) };
}

/** A multipart post with its parts in the given order (`file` is the certificate). */
async function post(client: BrowserlessClient, path: string, parts: [string, string | 'file'][]) {
  const form = new FormData();
  for (const [name, value] of parts) {
    if (value === 'file') form.append(name, new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'attestation.pdf');
    else form.append(name, value);
  }
  const response = await fetch(new URL(path, client.baseUrl), {
    method: 'POST',
    body: form,
    headers: { cookie: cookieHeader(client), accept: 'text/html' },
    redirect: 'manual',
  });
  return { status: response.status, location: response.headers.get('location'), text: await response.text() };
}

describe('the certificate form’s CSRF token travels in its body, never in a URL', () => {
  it('a token sent before the file is accepted and the certificate stored', async () => {
    const { client, conventionId, token } = await camilleOnCertificatePage();
    const posted = await post(client, '/student/certificate', [
      ['_csrf', token],
      ['conventionId', String(conventionId)],
      ['certificate', 'file'],
    ]);
    expect(posted).toMatchObject({ status: 303, location: '/student/certificate?done=uploaded' });
    expect(await pstage.database.db.select().from(documents)).toHaveLength(1);
  });

  type Parts = [string, string | 'file'][];
  const wrong = (token: string) => token.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
  it.each<[string, (token: string, conventionId: string) => { path: string; parts: Parts }]>([
    [
      'in the query string only (as the form sent it before)',
      (token, conventionId) => ({
        path: `/student/certificate?_csrf=${encodeURIComponent(token)}`,
        parts: [
          ['conventionId', conventionId],
          ['certificate', 'file'],
        ],
      }),
    ],
    [
      'after the file',
      (token, conventionId) => ({
        path: '/student/certificate',
        parts: [
          ['conventionId', conventionId],
          ['certificate', 'file'],
          ['_csrf', token],
        ],
      }),
    ],
    [
      'wrong',
      (token, conventionId) => ({
        path: '/student/certificate',
        parts: [
          ['_csrf', wrong(token)],
          ['conventionId', conventionId],
          ['certificate', 'file'],
        ],
      }),
    ],
    [
      'missing',
      (_token, conventionId) => ({
        path: '/student/certificate',
        parts: [
          ['conventionId', conventionId],
          ['certificate', 'file'],
        ],
      }),
    ],
  ])('a token %s is refused (403) and nothing is stored', async (_how, build) => {
    const { client, conventionId, token } = await camilleOnCertificatePage();
    const { path, parts } = build(token, String(conventionId));
    const posted = await post(client, path, parts);
    expect(posted.status).toBe(403);
    expect(posted.text).toContain('Le formulaire a expiré');
    expect(await pstage.database.db.select().from(documents)).toHaveLength(0);
  });

  it('a form without any file but with the right token reaches the form’s own errors; without the token it is refused', async () => {
    const { client, token } = await camilleOnCertificatePage();
    expect((await post(client, '/student/certificate', [['_csrf', token]])).location).toBe('/student/certificate');
    expect((await post(client, '/student/certificate', [['conventionId', '1']])).status).toBe(403);
  });

  it('a multipart post to any other form is refused, even with the right token in it', async () => {
    const { client, token } = await camilleOnCertificatePage();
    const before = (await pstage.database.db.select().from(documents)).length;
    const posted = await post(client, '/student/conventions', [['_csrf', token]]);
    expect(posted.status).toBe(403);
    expect((await pstage.database.db.select().from(documents)).length).toBe(before);
  });
});
