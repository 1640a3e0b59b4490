import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { documentRepository } from '../../../src/models/documentRepository';
import { conventions, documents } from '../../../src/models/schema';
import { startConvention } from '../../../src/services/student/conventionDraft';
import { today } from '../../support/clock';
import type { BrowserlessClient } from '../../support/browserlessClient';
import { cookieHeader, startDraftConvention, uploadCertificateForm } from '../../support/certificateUpload';
import { useTestPstage } from '../../support/pstage';

const pstage = useTestPstage();

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

/** Camille launches and starts her convention: a certificate is uploaded for a convention. */
async function studentWithConvention() {
  const { client } = await pstage.launch('camille-martin', 'm1-info');
  const conventionId = await startDraftConvention(client);
  return { client, conventionId };
}

const upload = (client: BrowserlessClient, bytes: Buffer, filename: string, type?: string) =>
  uploadCertificateForm(client, bytes, filename, { type });

describe('the civil-liability certificate', () => {
  it('shows the form with its hint, the CSRF token as its first field (not in the action), and no certificate yet', async () => {
    const { client } = await studentWithConvention();
    const page = await client.request('/student/certificate');
    expect(page.status).toBe(200);
    expect(page.text).toContain('enctype="multipart/form-data"');
    expect(page.text).toMatch(
      /action="\/student\/certificate" enctype="multipart\/form-data" novalidate>\s*<input type="hidden" name="_csrf" value="[^"]+">/,
    );
    expect(page.text).toContain('<label class="form-label" for="certificate">');
    expect(page.text).toContain('Fichier PDF, JPEG ou PNG, 5 Mo au maximum.');
    expect(page.text).toContain('Vous n&#39;avez encore déposé aucune attestation.');
  });

  it('stores a valid PDF with its sha256 and says so', async () => {
    const { client } = await studentWithConvention();
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
    const { client } = await studentWithConvention();
    const posted = await upload(client, png, 'scan.png', 'application/octet-stream');
    expect(posted.status).toBe(303);
    const [document] = await pstage.database.db.select().from(documents);
    expect(document).toMatchObject({ filename: 'scan.png', contentType: 'image/png' });
  });

  it('refuses a .pdf name with bytes that are not a PDF, with the error next to the field', async () => {
    const { client } = await studentWithConvention();
    const posted = await upload(client, Buffer.from('MZ not really a PDF'), 'attestation.pdf');
    expect(posted).toEqual({ status: 303, location: '/student/certificate' });
    expect(await pstage.database.db.select().from(documents)).toHaveLength(0);
    const page = await client.request('/student/certificate');
    expect(page.text).toMatch(/id="certificate-error"[^>]*>Le fichier doit être un PDF, une image JPEG ou PNG\./);
    expect(page.text).toContain('aria-invalid="true"');
    expect(page.text).toContain('href="#certificate"');
  });

  it('refuses a file over 5 MB', async () => {
    const { client } = await studentWithConvention();
    const big = Buffer.concat([pdf, Buffer.alloc(5 * 1024 * 1024)]);
    const posted = await upload(client, big, 'grosse.pdf');
    expect(posted).toEqual({ status: 303, location: '/student/certificate' });
    expect(await pstage.database.db.select().from(documents)).toHaveLength(0);
    const page = await client.request('/student/certificate');
    expect(page.text).toMatch(/id="certificate-error"[^>]*>Le fichier dépasse 5 Mo\./);
  });

  it('keeps an accented file name and serves the file inline to its owner', async () => {
    const { client } = await studentWithConvention();
    await upload(client, pdf, 'attestation-Élodie.pdf');
    const [document] = await pstage.database.db.select().from(documents);
    expect(document.filename).toBe('attestation-Élodie.pdf');
    const page = await client.request('/student/certificate');
    expect(page.text).toContain('attestation-Élodie.pdf');
    const response = await fetch(new URL(`/student/certificate/${document.id}`, client.baseUrl), {
      headers: { cookie: cookieHeader(client) },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/pdf/);
    expect(response.headers.get('content-disposition')).toMatch(/^inline; /);
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''attestation-%C3%89lodie.pdf");
    expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), pdf)).toBe(0);
  });

  it("answers 404 for another student's certificate", async () => {
    const { client } = await studentWithConvention();
    await upload(client, pdf, 'attestation.pdf');
    const [document] = await pstage.database.db.select().from(documents);
    const other = await pstage.launch('elodie-lefevre', 'm1-info');
    const response = await other.client.request(`/student/certificate/${document.id}`);
    expect(response.status).toBe(404);
    const own = await client.request(`/student/certificate/${document.id}`);
    expect(own.status).toBe(200);
  });

  it('asks for a convention first when the student has none, and shows no form', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const page = await client.request('/student/certificate');
    expect(page.text).toContain('id="no-convention"');
    expect(page.text).not.toContain('enctype="multipart/form-data"');
  });

  it('refuses an upload that names no convention, or a convention of another student, with both errors in one pass', async () => {
    const { client, conventionId } = await studentWithConvention();
    const elodie = await pstage.launch('elodie-lefevre', 'm1-info');
    const elodieConvention = await startDraftConvention(elodie.client);
    expect(await uploadCertificateForm(client, pdf, 'attestation.pdf', { conventionId: elodieConvention })).toEqual({
      status: 303,
      location: '/student/certificate',
    });
    let page = await client.request('/student/certificate');
    expect(page.text).toMatch(/id="conventionId-error"[^>]*>Choisissez la convention que couvre cette attestation\./);
    expect(await uploadCertificateForm(client, Buffer.alloc(0), 'vide.pdf', { conventionId: null })).toEqual({
      status: 303,
      location: '/student/certificate',
    });
    page = await client.request('/student/certificate');
    expect(page.text).toContain('id="conventionId-error"');
    expect(page.text).toContain('id="certificate-error"');
    expect(await pstage.database.db.select().from(documents)).toHaveLength(0);
    expect(await uploadCertificateForm(client, pdf, 'attestation.pdf', { conventionId })).toEqual({
      status: 303,
      location: '/student/certificate?done=uploaded',
    });
  });

  it('ties the certificate to the chosen convention, whatever the academic year of the upload day', async () => {
    const { client, conventionId } = await studentWithConvention();
    const first = (await pstage.database.db.select().from(conventions).where(eq(conventions.id, conventionId)))[0];
    const { id: second } = await startConvention(pstage.database.db, first.studentUserId, first.programmeId, today);
    await pstage.database.db.update(conventions).set({ academicYear: '2031-2032' }).where(eq(conventions.id, second));
    expect((await client.request(`/student/certificate?convention=${second}`)).text).toMatch(
      new RegExp(`<option value="${second}" selected>`),
    );
    await uploadCertificateForm(client, pdf, 'attestation-septembre.pdf', { conventionId: second });
    const [document] = await pstage.database.db.select().from(documents);
    expect(document).toMatchObject({ conventionId: second, academicYear: '2031-2032' });
    expect((await documentRepository.findCertificateForConvention(pstage.database.db, second))?.id).toBe(document.id);
    expect(await documentRepository.findCertificateForConvention(pstage.database.db, conventionId)).toBeUndefined();
    expect((await client.request('/student/certificate')).text).toMatch(/attestation-septembre\.pdf<\/a>\s*\(convention [^)]+\)/);
  });
});
