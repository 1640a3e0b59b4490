import { eq } from 'drizzle-orm';
import { memberships, outbox, subjects } from '../../../src/models/schema';
import { BrowserlessClient } from '../../support/browserlessClient';
import { useTestPstage } from '../../support/pstage';

const pstage = useTestPstage();

async function propose(client: BrowserlessClient, form: Record<string, string>) {
  const page = await client.request('/student/subject/new');
  const programmeId = /name="programmeId" value="(\d+)"/.exec(page.text)?.[1] ?? '';
  return client.request('/student/subject', { form: { _csrf: BrowserlessClient.csrfToken(page.text), programmeId, ...form } });
}

describe('the student home and the subject', () => {
  it('shows the checklist with the rule that nothing starts before every signature', async () => {
    const { page } = await pstage.launch('camille-martin', 'm1-info');
    expect(page.text).toContain('Les étapes de votre stage');
    expect(page.text).toContain('Le stage ne peut pas commencer tant que la convention n&#39;a pas été signée par toutes les parties.');
    expect(page.text).toContain('href="/student/fiche-de-liaison.pdf"');
    expect(page.text).toContain('Proposer un sujet');
  });

  it('stores a proposed subject for the launch programme and shows it as waiting', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const posted = await propose(client, {
      title: 'Analyse de logs',
      description: 'Détection d’anomalies',
      hostName: 'Acme',
      approximateStart: '2027-04-01',
      approximateEnd: '2027-06-30',
    });
    expect(posted.status).toBe(303);
    const [subject] = await pstage.database.db.select().from(subjects);
    expect(subject).toMatchObject({ title: 'Analyse de logs', state: 'proposed', hostName: 'Acme', approximateStart: '2027-04-01' });
    const home = await client.follow('/student');
    expect(home.text).toContain('Analyse de logs');
    expect(home.text).toContain('Proposé');
  });

  it('sends an invalid subject back with errors next to the fields, a summary and the values kept', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const posted = await propose(client, {
      title: '',
      description: 'Une description',
      approximateStart: '2027-06-01',
      approximateEnd: '2027-05-01',
    });
    expect(posted.status).toBe(303);
    expect(posted.location).toBe('/student/subject/new');
    const page = await client.request('/student/subject/new');
    expect(page.text).toContain('error-summary');
    expect(page.text).toContain('href="#title"');
    expect(page.text).toContain('aria-invalid="true"');
    expect(page.text).toMatch(/id="title-error"[^>]*>Ce champ est obligatoire/);
    expect(page.text).toContain('La date de fin doit être postérieure à la date de début.');
    expect(page.text).toContain('Une description');
    expect(await pstage.database.db.select().from(subjects)).toHaveLength(0);
  });

  it('tells every error in one pass and in the form order, the dates included when the programme is not chosen', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const posted = await propose(client, {
      programmeId: '',
      title: '',
      description: '',
      approximateStart: '2027-06-01',
      approximateEnd: '2027-05-01',
    });
    expect(posted.location).toBe('/student/subject/new');
    const page = await client.request('/student/subject/new');
    const summary = /class="alert alert-danger error-summary"[\s\S]*?<\/ul>/.exec(page.text)?.[0] ?? '';
    expect([...summary.matchAll(/href="#(\w+)"/g)].map(([, field]) => field)).toEqual([
      'programmeId',
      'title',
      'description',
      'approximateEnd',
    ]);
    expect(summary).toContain('Fin approximative : La date de fin doit être postérieure à la date de début.');
    expect(await pstage.database.db.select().from(subjects)).toHaveLength(0);
  });

  it('explains to a student of no known programme where to launch from, instead of a form that cannot be sent', async () => {
    const { client } = await pstage.launch('camille-martin', 'global');
    const page = await client.request('/student/subject/new');
    expect(page.text).toContain('lancez Pstage depuis le cours de votre formation');
    expect(page.text).not.toContain('action="/student/subject"');
    const posted = await client.request('/student/subject', {
      form: { _csrf: BrowserlessClient.csrfToken(page.text), title: 'Analyse de logs', description: 'Détection' },
    });
    expect(posted.location).toBe('/student/subject/new');
    const again = await client.request('/student/subject/new');
    expect(again.text).toContain('lancez Pstage depuis le cours de votre formation');
    expect(again.text).not.toContain('error-summary');
    expect(await pstage.database.db.select().from(subjects)).toHaveLength(0);
  });

  it('lets a rejected subject be revised and proposed again', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    await propose(client, { title: 'Premier sujet', description: 'Trop vague' });
    const [subject] = await pstage.database.db.select().from(subjects);
    await pstage.database.db
      .update(subjects)
      .set({ state: 'rejected', decisionComment: 'Précisez les missions' })
      .where(eq(subjects.id, subject.id));
    const page = await client.request(`/student/subject/${subject.id}`);
    expect(page.text).toContain('Précisez les missions');
    expect(page.text).toContain('Proposer à nouveau');
    const posted = await client.request(`/student/subject/${subject.id}`, {
      form: { _csrf: BrowserlessClient.csrfToken(page.text), title: 'Sujet précisé', description: 'Missions détaillées' },
    });
    expect(posted.status).toBe(303);
    const [revised] = await pstage.database.db.select().from(subjects);
    expect(revised).toMatchObject({ title: 'Sujet précisé', state: 'proposed' });
  });

  it('refuses to change a validated subject', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const page = await client.request('/student/subject/new');
    await propose(client, { title: 'Sujet', description: 'Description' });
    const [subject] = await pstage.database.db.select().from(subjects);
    await pstage.database.db.update(subjects).set({ state: 'validated' }).where(eq(subjects.id, subject.id));
    const posted = await client.request(`/student/subject/${subject.id}`, {
      form: { _csrf: BrowserlessClient.csrfToken(page.text), title: 'Autre', description: 'Autre' },
    });
    expect(posted.status).toBe(409);
    expect((await pstage.database.db.select().from(subjects))[0].title).toBe('Sujet');
  });

  it("gives another student's subject as not found, for reading and for writing", async () => {
    const camille = await pstage.launch('camille-martin', 'm1-info');
    await propose(camille.client, { title: 'Sujet de Camille', description: 'Secret' });
    const [subject] = await pstage.database.db.select().from(subjects);
    const elodie = await pstage.launch('elodie-lefevre', 'm1-info');
    const read = await elodie.client.request(`/student/subject/${subject.id}`);
    expect(read.status).toBe(404);
    expect(read.text).not.toContain('Sujet de Camille');
    const write = await elodie.client.request(`/student/subject/${subject.id}`, {
      form: {
        _csrf: BrowserlessClient.csrfToken(
          elodie.page.text.includes('_csrf') ? elodie.page.text : (await elodie.client.request('/student/subject/new')).text,
        ),
        title: 'Volé',
        description: 'x',
      },
    });
    expect(write.status).toBe(404);
    expect((await pstage.database.db.select().from(subjects))[0].title).toBe('Sujet de Camille');
  });

  it('shows the pages in English to an English-speaking student', async () => {
    const { client } = await pstage.launch('elodie-lefevre', 'm1-info');
    const page = await client.request('/student/subject/new');
    expect(page.text).toContain('Propose an internship subject');
  });
});

describe('the fiche de liaison', () => {
  it('downloads as a PDF from the home', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const response = await fetch(new URL('/student/fiche-de-liaison.pdf', pstage.url), {
      headers: { cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain('fiche-de-liaison.pdf');
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 4)
        .toString(),
    ).toBe('%PDF');
  });

  it('is refused without a student session', async () => {
    const response = await fetch(new URL('/student/fiche-de-liaison.pdf', pstage.url), { headers: { accept: 'text/html' } });
    expect(response.status).toBe(401);
  });
});

describe('telling the programme head about a proposed subject', () => {
  it('fetches the course roster first when no head of the programme has launched Pstage yet, so the heads get the mail', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    expect(await pstage.database.db.select().from(memberships).where(eq(memberships.role, 'staff'))).toHaveLength(0);
    expect((await propose(client, { title: 'Analyse de logs', description: 'Détection d’anomalies' })).status).toBe(303);
    const recipients = (await pstage.database.db.select().from(outbox).where(eq(outbox.kind, 'mail'))).map(
      (row) => (row.payload as { to: { email: string } }).to.email,
    );
    expect(recipients.sort()).toEqual(['claire.lambert@univ.example.fr', 'jean.dupont@univ.example.fr']);
  });

  it('still records the subject when the LMS cannot list the course members', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    pstage.devPlatform!.setOutage('error500');
    try {
      expect((await propose(client, { title: 'Analyse de logs', description: 'Détection d’anomalies' })).status).toBe(303);
    } finally {
      pstage.devPlatform!.setOutage(null);
    }
    expect(await pstage.database.db.select().from(subjects)).toHaveLength(1);
    expect(await pstage.database.db.select().from(outbox).where(eq(outbox.kind, 'mail'))).toHaveLength(0);
  });
});
