import { eq } from 'drizzle-orm';
import { programmes } from '../../src/models/schema';
import { useTestPstage } from '../support/pstage';

const pstage = useTestPstage();

async function programmeId() {
  const [row] = await pstage.database.db.select().from(programmes).where(eq(programmes.contextId, 'course-m1-info'));
  return row.id;
}

describe("the deep-linked item's target", () => {
  it("the development platform delivers the placed item's custom parameters at launch, as Moodle does", async () => {
    const token = await pstage.devPlatform!.signIdToken({ personaId: 'camille-martin', linkId: 'm1-info-panel' });
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    expect(claims['https://purl.imsglobal.org/spec/lti/claim/custom']).toEqual({ target: 'panel' });
  });

  it('a teacher who opens the student entry lands on their programme panel', async () => {
    const { page } = await pstage.launch('jean-dupont', 'm1-info-student-entry');
    expect(page.url).toMatch(new RegExp(`/programme/${await programmeId()}$`));
  });

  it('a teacher who opens the programme panel lands on it', async () => {
    const { page } = await pstage.launch('jean-dupont', 'm1-info-panel');
    expect(page.url).toMatch(new RegExp(`/programme/${await programmeId()}$`));
  });

  it('a student who opens the student entry lands in their own space', async () => {
    const { page } = await pstage.launch('camille-martin', 'm1-info-student-entry');
    expect(page.url).toMatch(/\/student$/);
  });

  it('a student who opens the staff entry is told it is for staff and offered their own space, signed in', async () => {
    const { client, page } = await pstage.launch('camille-martin', 'm1-info-panel');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Cette entrée est réservée aux enseignants');
    expect(page.text).toContain('href="/student"');
    expect(page.text).toContain('lang="fr"');
    const home = await client.request('/student');
    expect(home.status).toBe(200);
  });

  it('the staff-entry page follows the launch language', async () => {
    const { page } = await pstage.launch('elodie-lefevre', 'm1-info-panel');
    expect(page.status).toBe(200);
    expect(page.text).toContain('This entry is for teaching staff');
    expect(page.text).toContain('Go to my student space');
    expect(page.text).toContain('lang="en"');
  });
});
