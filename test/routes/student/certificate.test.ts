import crypto from 'node:crypto';
import { documents } from '../../../src/models/schema';
import { BrowserlessClient } from '../../support/browserlessClient';
import { useTestPstage } from '../../support/pstage';

const pstage = useTestPstage();

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

function cookieHeader(client: BrowserlessClient): string {
  return [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}

/** Posts the form as a browser would: multipart, the CSRF token in the action's query string. */
async function upload(client: BrowserlessClient, bytes: Buffer, filename: string, type = 'application/pdf') {
  const page = await client.request('/student/certificate');
  const action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/.exec(page.text)?.[1];
  if (!action) throw new Error('No upload form');
  const form = new FormData();
  form.append('certificate', new Blob([new Uint8Array(bytes)], { type }), filename);
  const response = await fetch(new URL(action.replace(/&amp;/g, '&'), client.baseUrl), {
    method: 'POST',
    body: form,
    headers: { cookie: cookieHeader(client), accept: 'text/html' },
    redirect: 'manual',
  });
  await response.text();
  return { status: response.status, location: response.headers.get('location') };
}

describe('the civil-liability certificate', () => {
  it('shows the form with its hint, the CSRF token in the action, and no certificate yet', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const page = await client.request('/student/certificate');
    expect(page.status).toBe(200);
    expect(page.text).toContain('enctype="multipart/form-data"');
    expect(page.text).toMatch(/action="\/student\/certificate\?_csrf=[^"]+"/);
    expect(page.text).toContain('<label class="form-label" for="certificate">');
    expect(page.text).toContain('Fichier PDF, JPEG ou PNG, 5 Mo au maximum.');
    expect(page.text).toContain('Vous n&#39;avez encore déposé aucune attestation.');
  });

  it('stores a valid PDF with its sha256 and says so', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const posted = await upload(client, pdf, 'attestation.pdf');
    expect(posted).toEqual({ status: 303, location: '/student/certificate?done=uploaded' });
    const [document] = await pstage.database.db.select().from(documents);
    expect(document).toMatchObject({
      kind: 'civil_liability',
      filename: 'attestation.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
      status: 'submitted',
      sha256: crypto.createHash('sha256').update(pdf).digest('hex'),
    });
    expect(Buffer.compare(document.bytes!, pdf)).toBe(0);
    const page = await client.request('/student/certificate?done=uploaded');
    expect(page.text).toContain('Votre attestation a été déposée');
    expect(page.text).toContain('attestation.pdf');
    expect(page.text).toContain('en attente de vérification');
  });

  it('accepts a PNG, typed from its bytes whatever the browser claims', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const posted = await upload(client, png, 'scan.png', 'application/octet-stream');
    expect(posted.status).toBe(303);
    const [document] = await pstage.database.db.select().from(documents);
    expect(document).toMatchObject({ filename: 'scan.png', contentType: 'image/png' });
  });

  it('refuses a .pdf name with bytes that are not a PDF, with the error next to the field', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const posted = await upload(client, Buffer.from('MZ not really a PDF'), 'attestation.pdf');
    expect(posted).toEqual({ status: 303, location: '/student/certificate' });
    expect(await pstage.database.db.select().from(documents)).toHaveLength(0);
    const page = await client.request('/student/certificate');
    expect(page.text).toMatch(/id="certificate-error"[^>]*>Le fichier doit être un PDF, une image JPEG ou PNG\./);
    expect(page.text).toContain('aria-invalid="true"');
    expect(page.text).toContain('href="#certificate"');
  });

  it('refuses a file over 5 MB', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const big = Buffer.concat([pdf, Buffer.alloc(5 * 1024 * 1024)]);
    const posted = await upload(client, big, 'grosse.pdf');
    expect(posted).toEqual({ status: 303, location: '/student/certificate' });
    expect(await pstage.database.db.select().from(documents)).toHaveLength(0);
    const page = await client.request('/student/certificate');
    expect(page.text).toMatch(/id="certificate-error"[^>]*>Le fichier dépasse 5 Mo\./);
  });

  it('keeps an accented file name and serves the file inline to its owner', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    await upload(client, pdf, 'attestation-Élodie.pdf');
    const [document] = await pstage.database.db.select().from(documents);
    expect(document.filename).toBe('attestation-Élodie.pdf');
    const page = await client.request('/student/certificate');
    expect(page.text).toContain('attestation-Élodie.pdf');
    const response = await fetch(new URL(`/student/certificate/${document.id}`, client.baseUrl), { headers: { cookie: cookieHeader(client) } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/pdf/);
    expect(response.headers.get('content-disposition')).toMatch(/^inline; /);
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''attestation-%C3%89lodie.pdf");
    expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), pdf)).toBe(0);
  });

  it("answers 404 for another student's certificate", async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    await upload(client, pdf, 'attestation.pdf');
    const [document] = await pstage.database.db.select().from(documents);
    const other = await pstage.launch('elodie-lefevre', 'm1-info');
    const response = await other.client.request(`/student/certificate/${document.id}`);
    expect(response.status).toBe(404);
    const own = await client.request(`/student/certificate/${document.id}`);
    expect(own.status).toBe(200);
  });
});
