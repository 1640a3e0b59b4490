import { eq } from 'drizzle-orm';
import { documents, rateLimits, users } from '../../../src/models/schema';
import { BrowserlessClient } from '../../support/browserlessClient';
import { startDraftConvention, uploadCertificateForm } from '../../support/certificateUpload';
import { startTestPstage, type TestPstage } from '../../support/pstage';

let pstage: TestPstage;
beforeAll(async () => {
  pstage = await startTestPstage({ PDF_RATE_LIMIT: '2', CERTIFICATE_UPLOAD_RATE_LIMIT: '2', ROSTER_REFRESH_RATE_LIMIT: '1' });
}, 90_000);
afterAll(async () => pstage?.stop());
beforeEach(async () => pstage.reset());

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

async function userIdOf(name: string): Promise<number> {
  const [user] = await pstage.database.db.select().from(users).where(eq(users.name, name));
  return user.id;
}

describe('costly requests are limited per user, in the database', () => {
  it('PDFs: past the limit the student gets a friendly 429 page with Retry-After, whatever the kind of PDF', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const conventionId = await startDraftConvention(client);
    expect((await client.download('/student/fiche-de-liaison.pdf')).status).toBe(200);
    expect((await client.download(`/documents/conventions/${conventionId}/convention.pdf`)).status).toBe(200);
    const refused = await client.download('/student/fiche-de-liaison.pdf');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('content-type')).toMatch(/^text\/html/);
    expect(refused.text).toContain('<title>Trop de demandes · Pstage</title>');
    expect(refused.text).toContain('<h1>Trop de demandes</h1>');
    expect(refused.text).toContain('Vous avez demandé beaucoup de documents PDF en peu de temps. Réessayez dans 1 minute.');
    expect(refused.text).toContain('Rien de ce que vous aviez déjà enregistré n&#39;est perdu.');
    expect(refused.text).toContain('<a href="/">Revenir à l&#39;accueil de Pstage</a>');
    expect((await client.download(`/documents/conventions/${conventionId}/convention.pdf`)).status).toBe(429);
    const [counter] = await pstage.database.db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, `pdf:user:${await userIdOf('Camille Martin')}`));
    expect(counter.hits).toBeGreaterThanOrEqual(3);
  });

  it('counts each user apart, though they all come from the same address (a campus behind one NAT)', async () => {
    const camille = await pstage.launch('camille-martin', 'm1-info');
    for (let index = 0; index < 2; index++) expect((await camille.client.download('/student/fiche-de-liaison.pdf')).status).toBe(200);
    expect((await camille.client.download('/student/fiche-de-liaison.pdf')).status).toBe(429);
    const elodie = await pstage.launch('elodie-lefevre', 'm1-info');
    expect((await elodie.client.download('/student/fiche-de-liaison.pdf')).status).toBe(200);
  });

  it('the page is in the user’s language', async () => {
    const { client } = await pstage.launch('elodie-lefevre', 'm1-info');
    for (let index = 0; index < 2; index++) await client.download('/student/fiche-de-liaison.pdf');
    const refused = await client.download('/student/fiche-de-liaison.pdf');
    expect(refused.status).toBe(429);
    expect(refused.text).toContain('<html lang="en">');
    expect(refused.text).toContain('<h1>Too many requests</h1>');
    expect(refused.text).toContain('You have asked for many PDF documents in a short time. Try again in 1 minute.');
  });

  it('certificate uploads: past the limit the upload is refused with 429 and nothing more is stored', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    await startDraftConvention(client);
    expect((await uploadCertificateForm(client, pdf, 'a.pdf')).status).toBe(303);
    expect((await uploadCertificateForm(client, pdf, 'b.pdf')).status).toBe(303);
    const stored = await pstage.database.db.select().from(documents);
    const third = await uploadCertificateForm(client, pdf, 'c.pdf');
    expect(third.status).toBe(429);
    expect(await pstage.database.db.select().from(documents)).toEqual(stored);
    const page = await client.download('/student/certificate');
    expect(page.status).toBe(200);
  });

  it('NRPS roster refreshes: a head who forces them too often is told the last list stays shown', async () => {
    const { client, page } = await pstage.launch('jean-dupont', 'm1-info');
    const panel = new URL(page.url).pathname;
    const refresh = () => client.request(`${panel}/roster/refresh`, { form: { _csrf: BrowserlessClient.csrfToken(page.text) } });
    expect((await refresh()).status).toBe(303);
    const refused = await refresh();
    expect(refused.status).toBe(429);
    expect(refused.text).toMatch(
      /La liste des participants a été actualisée de nombreuses fois en peu de temps\. La dernière liste reste affichée ; vous pourrez l&#39;actualiser de nouveau dans (60|59) minutes\./,
    );
    expect((await client.request(panel)).status).toBe(200);
  });
});
