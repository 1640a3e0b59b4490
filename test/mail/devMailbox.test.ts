import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { simpleParser } from 'mailparser';
import request from 'supertest';
import { createNotificationRenderer } from '../../src/mail/notificationMail';
import { createMailHandler } from '../../src/mail/sender';
import { createMailTransport } from '../../src/mail/transport';
import { devMailRoutes } from '../../src/routes/devMail';

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'pstage-mail-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function sendTwo() {
  const transport = createMailTransport({ smtp: null, dataDir });
  expect(transport.kind).toBe('file');
  const handler = createMailHandler({
    transport,
    from: 'Pstage <no-reply@pstage.test>',
    render: createNotificationRenderer({ publicBaseUrl: 'http://localhost:3000' }),
  });
  await handler(
    {
      template: 'hostCreated',
      to: { email: 'stages@univ.example.fr', name: 'Service des stages', locale: 'fr' },
      data: { organisationName: 'ACME <SAS>', createdByName: 'Alice Martin', path: '/office/organisations/5' },
    },
    { id: 41, attempts: 0, createdAt: new Date('2026-03-12T09:00:00Z') },
  );
  await new Promise((resolve) => setTimeout(resolve, 5));
  await handler(
    {
      template: 'conventionReturned',
      to: { email: 'bruno@etu.example.fr', name: 'Bruno Petit', locale: 'en' },
      data: { reference: 'CS-2026-0002', reason: 'Missing tutor', path: '/student' },
    },
    { id: 42, attempts: 0, createdAt: new Date('2026-03-12T10:00:00Z') },
  );
}

describe('file transport and development mailbox', () => {
  beforeAll(sendTwo);

  it('without SMTP settings each mail is a readable .eml file named by date and outbox id', async () => {
    const files = (await readdir(path.join(dataDir, 'mail'))).sort();
    expect(files).toHaveLength(2);
    expect(files[1]).toMatch(/^\d{4}-\d{2}-\d{2}T[\d-]+Z-outbox-42\.eml$/);
    const mail = await simpleParser(await readFile(path.join(dataDir, 'mail', files[1])));
    expect(mail.subject).toBe('[Pstage] Agreement CS-2026-0002 needs corrections');
    expect(mail.messageId).toBe('<pstage-outbox-42@pstage.test>');
    expect(mail.text).toContain('http://localhost:3000/student');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
  });

  const app = () => express().use('/dev/mail', devMailRoutes({ dataDir }));

  it('the mailbox lists the messages newest first in an accessible table', async () => {
    const response = await request(app()).get('/dev/mail/').expect(200);
    const html = response.text;
    expect(html).toContain('<html lang="fr">');
    expect(html).toMatch(/<h1[^>]*>Courriels envoyés<\/h1>/);
    expect(html).toMatch(/<caption[^>]*>Courriels écrits par Pstage/);
    expect(html).toContain('/assets/bootstrap/css/bootstrap.min.css');
    expect(html).not.toMatch(/<script|style=/);
    const newer = html.indexOf('Agreement CS-2026-0002');
    const older = html.indexOf('Nouvel organisme d&#39;accueil à vérifier : ACME &lt;SAS&gt;');
    expect(newer).toBeGreaterThan(0);
    expect(older).toBeGreaterThan(newer);
    expect(html).toContain('bruno@etu.example.fr');
  });

  it('the mailbox shows one message: headers and text', async () => {
    const list = await request(app()).get('/dev/mail/?lang=en').expect(200);
    expect(list.text).toContain('<html lang="en">');
    const href = /href="(\/dev\/mail\/[^"]+outbox-42\.eml)"/.exec(list.text)![1];
    const response = await request(app()).get(href).expect(200);
    expect(response.text).toMatch(/<h1[^>]*>\[Pstage\] Agreement CS-2026-0002 needs corrections<\/h1>/);
    expect(response.text).toContain('&lt;pstage-outbox-42@pstage.test&gt;');
    expect(response.text).toContain('<pre class="border rounded p-3 bg-body-tertiary" lang="en">Hello Bruno Petit,');
  });

  it('refuses anything but a mailbox file name', async () => {
    await request(app()).get('/dev/mail/..%2F..%2Fetc%2Fpasswd').expect(404);
    await request(app()).get('/dev/mail/nothing.eml').expect(404);
  });
});
