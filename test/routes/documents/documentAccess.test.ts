import { eq } from 'drizzle-orm';
import { users } from '../../../src/models/schema';
import { uploadCertificate } from '../../../src/services/student/certificate';
import { BrowserlessClient } from '../../support/browserlessClient';
import { useTestPstage } from '../../support/pstage';
import { submitConventionAsStudent } from '../../support/studentJourney';
import { completeAsOffice, endInternshipAsOffice, validateAsOffice } from '../../services/office/officeJourney';
import { movableClock } from '../../support/clock';

const clock = movableClock();
// The readers of one describe block share its convention: a journey through the wizard and the office costs
// seconds of CPU, and the cases only read. Each block starts from an empty database.
const pstage = useTestPstage({ clock, resetBeforeEach: false });

/** Who asks, and what they get. */
const readers: [string, string, string, number][] = [
  ['the student owner', 'camille-martin', 'm1-info', 200],
  ['another student of the same programme', 'elodie-lefevre', 'm1-info', 404],
  ['a student of another programme', 'hugo-petit', 'l3-chimie', 404],
  ['the head of the programme', 'jean-dupont', 'm1-info', 200],
  ['a teacher of the programme', 'claire-lambert', 'm1-info', 200],
  ['the head of another programme', 'sophie-bernard', 'l3-chimie', 404],
  ['the office', 'office', 'office', 200],
];

describe('who may read a draft convention’s preview', () => {
  let conventionId: number;
  beforeAll(async () => {
    await pstage.reset();
    conventionId = (await submitConventionAsStudent(pstage)).convention.id;
  }, 90_000);

  it.each(readers)('the draft preview: %s (%s, launched from %s) gets %d', async (_who, persona, link, status) => {
    const { client } = await pstage.launch(persona, link);
    const served = await client.download(`/documents/conventions/${conventionId}/convention.pdf`);
    expect(served.status).toBe(status);
    if (status === 200) expect(served.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    else expect(served.text).not.toContain('%PDF');
  });

  it('without a session the answer tells to launch Pstage again from the LMS', async () => {
    const response = await fetch(new URL(`/documents/conventions/${conventionId}/convention.pdf`, pstage.url), {
      headers: { accept: 'text/html' },
    });
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('Relancez Pstage depuis votre espace e-campus');
  });
});

describe('who may read a complete and ended convention’s documents', () => {
  let conventionId: number;
  // A convention submitted, validated, completed and ended through the use cases (the clock at its end date for
  // the whole block): about 5 s of CPU, several times that in time on a loaded machine.
  beforeAll(async () => {
    await pstage.reset();
    const { convention } = await submitConventionAsStudent(pstage);
    await validateAsOffice(pstage, convention.id);
    await completeAsOffice(pstage, convention.id);
    await endInternshipAsOffice(pstage, convention.id, clock);
    conventionId = convention.id;
  }, 90_000);
  afterAll(() => clock.reset());

  it.each(readers)('the final PDF and the attestation: %s (%s, launched from %s) gets %d', async (_who, persona, link, status) => {
    const { client } = await pstage.launch(persona, link);
    expect((await client.download(`/documents/conventions/${conventionId}/convention.pdf`)).status).toBe(status);
    expect((await client.download(`/documents/conventions/${conventionId}/attestation.pdf`)).status).toBe(status);
  });

  it('a convention that does not exist, or a crafted id, is not found', async () => {
    const { client } = await pstage.launch('office', 'office');
    for (const path of [
      '/documents/conventions/999/convention.pdf',
      '/documents/conventions/abc/convention.pdf',
      '/documents/conventions/-1/attestation.pdf',
      '/documents/certificates/1e3',
    ]) {
      expect((await client.download(path)).status).toBe(404);
    }
  });
});

describe('the civil-liability certificate', () => {
  beforeEach(async () => pstage.reset());
  const certificate = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

  it.each([
    ['the student owner', 'camille-martin', 'm1-info', 200],
    ['another student', 'elodie-lefevre', 'm1-info', 404],
    ['the head of the programme', 'jean-dupont', 'm1-info', 404],
    ['the head of another programme', 'sophie-bernard', 'l3-chimie', 404],
    ['the office', 'office', 'office', 200],
  ])('%s (%s, launched from %s) gets %d', async (_who, persona, link, status) => {
    const camille = await pstage.launch('camille-martin', 'm1-info');
    const started = await camille.client.request('/student/conventions', {
      form: { _csrf: BrowserlessClient.csrfToken(camille.page.text) },
    });
    const conventionId = Number(/\/student\/conventions\/(\d+)/.exec(started.location ?? '')?.[1]);
    const [owner] = await pstage.database.db.select().from(users).where(eq(users.name, 'Camille Martin'));
    const upload = await uploadCertificate(pstage.database.db, owner.id, conventionId, {
      originalname: 'attestation-responsabilité.pdf',
      buffer: certificate,
    });
    if (!upload.ok) throw new Error(JSON.stringify(upload.errors));
    const { client } = await pstage.launch(persona, link);
    const served = await client.download(`/documents/certificates/${upload.document.id}`);
    expect(served.status).toBe(status);
    if (status === 200) {
      expect(Buffer.compare(served.bytes, certificate)).toBe(0);
      expect(served.headers.get('content-type')).toBe('application/pdf');
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      expect(served.headers.get('content-disposition')).toBe(
        `inline; filename="attestation-responsabilite.pdf"; filename*=UTF-8''attestation-responsabilit%C3%A9.pdf`,
      );
    }
  });
});
