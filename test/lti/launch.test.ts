import { eq } from 'drizzle-orm';
import { memberships, officeGrants, programmes, users } from '../../src/models/schema';
import { useTestPstage } from '../support/pstage';

const pstage = useTestPstage();

describe('a launch through the development platform', () => {
  it('lands a student launching from their programme course on the student home and stores them', async () => {
    const { page } = await pstage.launch('camille-martin', 'm1-info');
    expect(page.status).toBe(200);
    expect(page.url).toMatch(/\/student$/);
    expect(page.text).toContain('Bonjour Camille Martin');
    const [user] = await pstage.database.db.select().from(users).where(eq(users.sub, '101'));
    expect(user).toMatchObject({ name: 'Camille Martin', email: 'camille.martin@etu.example.fr', studentNumber: '21901234', locale: 'fr' });
    const [programme] = await pstage.database.db.select().from(programmes);
    expect(programme).toMatchObject({ contextId: 'course-m1-info', title: 'M1 Informatique', teachingHours: 420 });
    expect(programme.lineItemsUrl).toContain('/dev/platform/ags/course-m1-info/lineitems');
    expect(programme.lineItemUrl).toBe(pstage.devPlatform!.columnOf('m1-info').id);
    expect(programme.membershipsUrl).toContain('/nrps/course-m1-info/memberships');
    const rows = await pstage.database.db.select().from(memberships);
    expect(rows).toEqual([expect.objectContaining({ userId: user.id, programmeId: programme.id, role: 'student' })]);
  });

  it('shows an English-speaking student the pages in English', async () => {
    const { page } = await pstage.launch('elodie-lefevre', 'global');
    expect(page.url).toMatch(/\/student$/);
    expect(page.text).toContain('Hello Élodie Lefèvre');
    expect(page.text).toContain('<html lang="en">');
  });

  it('does not turn the global Orientation-Insertion entry into a programme', async () => {
    await pstage.launch('camille-martin', 'global');
    expect(await pstage.database.db.select().from(programmes)).toHaveLength(0);
  });

  it('lands a programme head on the panel of their course', async () => {
    const { page } = await pstage.launch('jean-dupont', 'm1-info');
    const [programme] = await pstage.database.db.select().from(programmes);
    expect(page.url).toMatch(new RegExp(`/programme/${programme.id}$`));
    expect(page.text).toContain('M1 Informatique');
  });

  it('lands the office on the dashboard', async () => {
    const { page } = await pstage.launch('office', 'office');
    expect(page.url).toMatch(/\/office$/);
    expect(page.text).toContain('<h1>Service des stages</h1>');
    expect(page.text).toContain('id="starting-soon"');
  });

  it('keeps one user row when the same person launches twice at once', async () => {
    await Promise.all([pstage.launch('camille-martin', 'm1-info'), pstage.launch('camille-martin', 'm1-info')]);
    expect(await pstage.database.db.select().from(users)).toHaveLength(1);
    expect(await pstage.database.db.select().from(programmes)).toHaveLength(1);
  });

  it('keeps the office closed to a programme head without an office grant', async () => {
    const { client } = await pstage.launch('jean-dupont', 'm1-info');
    expect((await client.request('/office')).status).toBe(403);
  });

  it('lets a programme head who was granted the office role switch between the panel and the office', async () => {
    const first = await pstage.launch('jean-dupont', 'm1-info');
    const [jean] = await pstage.database.db.select().from(users);
    await pstage.database.db.insert(officeGrants).values({ userId: jean.id, reason: 'test' });
    const { client, page } = await pstage.launch('jean-dupont', 'm1-info');
    expect(page.url).toBe(first.page.url);
    expect(page.text).toContain('href="/office"');
    const office = await client.request('/office');
    expect(office.status).toBe(200);
    expect(office.text).toContain('href="/programme/');
  });
});

describe('role checks on direct URLs', () => {
  it('refuses the office dashboard and a programme panel to a student (403)', async () => {
    await pstage.launch('jean-dupont', 'm1-info');
    const [programme] = await pstage.database.db.select().from(programmes);
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    expect((await client.request('/office')).status).toBe(403);
    const panel = await client.request(`/programme/${programme.id}`);
    expect(panel.status).toBe(403);
    expect(panel.text).toContain('Vous n&#39;avez pas accès à cette page.');
  });

  it("answers the refusals and errors after an English launch in English, the launch's language", async () => {
    await pstage.launch('jean-dupont', 'm1-info');
    const [programme] = await pstage.database.db.select().from(programmes);
    const { client } = await pstage.launch('elodie-lefevre', 'm1-info');
    const panel = await client.request(`/programme/${programme.id}`);
    expect(panel.status).toBe(403);
    expect(panel.text).toContain('<html lang="en">');
    expect(panel.text).toContain('You do not have access to this page.');
    const missing = await client.request('/student/no-such-page');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('<html lang="en">');
    expect(missing.text).toContain('This page does not exist or you do not have access to it.');
  });

  it('refuses the panel of another programme to a programme head', async () => {
    await pstage.launch('sophie-bernard', 'l3-chimie');
    const [chimie] = await pstage.database.db.select().from(programmes);
    const { client } = await pstage.launch('jean-dupont', 'm1-info');
    expect((await client.request(`/programme/${chimie.id}`)).status).toBe(403);
  });

  it('asks someone without a session to launch from the LMS', async () => {
    const response = await fetch(`${pstage.url}/student`);
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('Relancez Pstage');
  });
});
