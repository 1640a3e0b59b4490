import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import request from 'supertest';
import { auditLog, documents, signatures } from '../../../src/models/schema';
import { scanMaxBytes } from '../../../src/services/signature/recordScan';
import { BrowserlessClient } from '../../support/browserlessClient';
import { cookieHeader } from '../../support/certificateUpload';
import { movableClock } from '../../support/clock';
import { useTestPstage } from '../../support/pstage';
import { sentForSignature, signAsStudent } from '../../support/signatureCircuit';
import { useSignatureMailbox } from '../../support/signatureMailbox';
import { reload } from '../../services/office/officeJourney';

const clock = movableClock({ movesNow: true });
const pstage = useTestPstage({ clock });
const mailbox = useSignatureMailbox(pstage);
const { deliver, linkIn, mailsTo } = mailbox;
const deanEmail = 'doyen@univ.example.fr';

beforeEach(() => {
  clock.reset();
  pstage.services.config.signature.deanEmail = deanEmail;
});

/** What a scanner produces, near enough: a PDF of one page. */
async function scannedPdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  const page = document.addPage();
  page.drawText('Convention signée à la main', { x: 50, y: 700, font: await document.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await document.save());
}

/** The office's scan form, posted as a browser does: multipart, the CSRF token and version first, then the file. */
async function uploadScan(
  office: BrowserlessClient,
  conventionId: number,
  fields: [string, string][],
  file?: { bytes: Buffer; name: string },
) {
  const page = `/office/conventions/${conventionId}`;
  const html = (await office.request(page)).text;
  expect(html).toContain(`action="${page}/scan" enctype="multipart/form-data"`);
  const form = new FormData();
  form.append('_csrf', BrowserlessClient.csrfToken(html));
  form.append('version', /name="version" value="(\d+)"/.exec(html)![1]);
  for (const [name, value] of fields) form.append(name, value);
  if (file) form.append('scan', new Blob([new Uint8Array(file.bytes)], { type: 'application/pdf' }), file.name);
  const response = await fetch(new URL(`${page}/scan`, office.baseUrl), {
    method: 'POST',
    body: form,
    headers: { cookie: cookieHeader(office), accept: 'text/html' },
    redirect: 'manual',
  });
  return { status: response.status, location: response.headers.get('location') };
}

describe('the office uploads the scan of a convention signed outside Pstage', () => {
  it('for two parties during the circuit: recorded by scan with the file, their links revoked, the circuit goes on to the sealed PDF', async () => {
    const { convention, student, office, requests } = await sentForSignature(pstage, mailbox);
    const page = `/office/conventions/${convention.id}`;
    const hostLink = linkIn(requests.find((row) => row.party === 'host_signatory')!.email);
    const tutorLink = linkIn(requests.find((row) => row.party === 'professional_tutor')!.email);
    const scan = await scannedPdf();
    const posted = await uploadScan(
      office.client,
      convention.id,
      [
        ['parties', 'host_signatory'],
        ['parties', 'professional_tutor'],
        ['signedAt', clock.today()],
      ],
      { bytes: scan, name: 'convention signée.pdf' },
    );
    expect(posted).toMatchObject({ status: 303, location: `${page}?done=scan` });
    expect((await request(pstage.url).get(hostLink)).status).toBe(404);
    expect((await request(pstage.url).get(tutorLink)).status).toBe(404);
    const [stored] = await pstage.database.db.select().from(documents).where(eq(documents.kind, 'signed_scan'));
    expect(stored).toMatchObject({ conventionId: convention.id, filename: 'convention signée.pdf', contentType: 'application/pdf' });
    expect(Buffer.compare(stored.bytes!, scan)).toBe(0);
    const rows = await pstage.database.db.select().from(signatures).where(eq(signatures.conventionId, convention.id));
    expect(rows.map((row) => [row.party, row.method, row.documentId]).sort()).toEqual([
      ['host_signatory', 'scan', stored.id],
      ['professional_tutor', 'scan', stored.id],
    ]);
    const [audited] = await pstage.database.db.select().from(auditLog).where(eq(auditLog.action, 'signature.scan_recorded'));
    expect(audited.details).toMatchObject({
      parties: ['host_signatory', 'professional_tutor'],
      documentId: stored.id,
      sha256: stored.sha256,
    });

    // The office sees the method and opens the scan; nobody else can.
    const file = (await office.client.request(page)).text;
    const scanHref = `/documents/conventions/${convention.id}/scans/${stored.id}`;
    expect(file).toContain(`<td>Scan — <a href="${scanHref}">`);
    expect(file).toContain(`href="${scanHref}"`);
    const downloaded = await office.client.download(scanHref);
    expect(downloaded.status).toBe(200);
    expect(Buffer.compare(downloaded.bytes, scan)).toBe(0);
    expect((await student.download(scanHref)).status).toBe(404);

    // The rest of the circuit: the academic tutor by link, the student in their space, then the dean's link.
    const academic = linkIn(requests.find((row) => row.party === 'academic_tutor')!.email);
    await request(pstage.url).post(`${academic}/code`).type('form').send({});
    await deliver();
    const academicRequest = requests.find((row) => row.party === 'academic_tutor')!;
    const signed = await request(pstage.url)
      .post(`${academic}/sign`)
      .type('form')
      .send({ fullName: academicRequest.name, code: mailbox.codeIn(academicRequest.email), consent: 'yes' });
    expect(signed.status).toBe(200);
    expect((await signAsStudent(pstage, mailbox, student, convention.id)).status).toBe(303);
    expect((await reload(pstage, convention.id)).state).toBe('signed_by_parties');
    await deliver();
    expect(mailsTo(deanEmail)).toHaveLength(1);
    const deanLink = linkIn(deanEmail);
    await request(pstage.url).post(`${deanLink}/code`).type('form').send({});
    await deliver();
    const deanSigned = await request(pstage.url)
      .post(`${deanLink}/sign`)
      .type('form')
      .send({
        fullName: pstage.services.config.institution.dean.firstName + ' ' + pstage.services.config.institution.dean.lastName,
        code: mailbox.codeIn(deanEmail),
        consent: 'yes',
      });
    expect(deanSigned.status).toBe(200);
    expect((await reload(pstage, convention.id)).state).toBe('complete');

    // The sealed PDF's signature page names the scan as the original of those two signatures, with its hash.
    const sealed = await office.client.download(`/documents/conventions/${convention.id}/signed.pdf`);
    const folder = mkdtempSync(path.join(tmpdir(), 'pstage-scan-'));
    writeFileSync(path.join(folder, 'signed.pdf'), sealed.bytes);
    expect(execFileSync('pdfsig', [path.join(folder, 'signed.pdf')]).toString()).toContain('Signature is Valid.');
    const text = execFileSync('pdftotext', [path.join(folder, 'signed.pdf'), '-'])
      .toString()
      .replace(/\s+/g, ' ');
    expect(text).toContain('Original signé hors de Pstage, scan déposé par le service des stages');
    expect(text.replace(/ /g, '')).toContain(createHash('sha256').update(scan).digest('hex'));
    const trail = await office.client.download(`/documents/conventions/${convention.id}/audit-trail.pdf`);
    writeFileSync(path.join(folder, 'trail.pdf'), trail.bytes);
    expect(execFileSync('pdftotext', [path.join(folder, 'trail.pdf'), '-']).toString()).toContain('signature.scan_recorded');
  }, 120_000);

  it('a file that is not a readable PDF, no file, no party, a party that already signed: each is said on the form, nothing is recorded', async () => {
    const { convention, office } = await sentForSignature(pstage, mailbox);
    const page = `/office/conventions/${convention.id}`;
    const fields: [string, string][] = [
      ['parties', 'host_signatory'],
      ['signedAt', clock.today()],
    ];
    const cases: [[string, string][], { bytes: Buffer; name: string } | undefined, string][] = [
      [fields, { bytes: Buffer.from('%PDF-1.7\nce n’est pas un PDF'), name: 'faux.pdf' }, 'n’est pas un PDF lisible'],
      [fields, { bytes: Buffer.from('GIF89a'), name: 'image.pdf' }, 'n’est pas un PDF lisible'],
      [fields, undefined, 'Choisissez le fichier PDF du scan.'],
      [fields, { bytes: Buffer.alloc(scanMaxBytes + 1, 0x25), name: 'gros.pdf' }, 'Le fichier dépasse 20 Mo.'],
      [[['signedAt', clock.today()]], { bytes: await scannedPdf(), name: 'scan.pdf' }, 'Cochez au moins une partie.'],
      [
        [
          ['parties', 'dean'],
          ['signedAt', clock.today()],
        ],
        { bytes: await scannedPdf(), name: 'scan.pdf' },
        'Faites un choix.',
      ],
    ];
    for (const [form, file, message] of cases) {
      expect(await uploadScan(office.client, convention.id, form, file)).toMatchObject({ status: 303, location: `${page}#scan` });
      expect((await office.client.request(page)).text).toContain(message);
    }
    expect(await pstage.database.db.select().from(signatures).where(eq(signatures.conventionId, convention.id))).toHaveLength(0);
    expect(await pstage.database.db.select().from(documents).where(eq(documents.kind, 'signed_scan'))).toHaveLength(0);

    expect(await uploadScan(office.client, convention.id, fields, { bytes: await scannedPdf(), name: 'scan.pdf' })).toMatchObject({
      location: `${page}?done=scan`,
    });
    expect(await uploadScan(office.client, convention.id, fields, { bytes: await scannedPdf(), name: 'scan.pdf' })).toMatchObject({
      location: `${page}#scan`,
    });
    expect((await office.client.request(page)).text).toContain('Une des parties cochées a déjà signé.');
    // Without the session's token, refused before the file is read.
    const forged = await fetch(new URL(`${page}/scan`, office.client.baseUrl), {
      method: 'POST',
      body: (() => {
        const form = new FormData();
        form.append('_csrf', 'forged');
        return form;
      })(),
      headers: { cookie: cookieHeader(office.client), accept: 'text/html' },
      redirect: 'manual',
    });
    expect(forged.status).toBe(403);
  }, 120_000);

  it('for every party at once (a convention signed entirely on paper): signed by the parties, the dean still last', async () => {
    const { convention, office } = await sentForSignature(pstage, mailbox);
    const page = `/office/conventions/${convention.id}`;
    const posted = await uploadScan(
      office.client,
      convention.id,
      [
        ['parties', 'all'],
        ['signedAt', clock.today()],
      ],
      {
        bytes: await scannedPdf(),
        name: 'scan.pdf',
      },
    );
    expect(posted.location).toBe(`${page}?done=scan`);
    expect((await reload(pstage, convention.id)).state).toBe('signed_by_parties');
    const rows = await pstage.database.db.select().from(signatures).where(eq(signatures.conventionId, convention.id));
    expect(rows.map((row) => row.party).sort()).toEqual(['academic_tutor', 'host_signatory', 'professional_tutor', 'student']);
    await deliver();
    expect(linkIn(deanEmail)).toMatch(/^\/sign\//);
  }, 120_000);
});
