import { eq } from 'drizzle-orm';
import { conventions, outbox, teachers, users } from '../../../src/models/schema';
import { BrowserlessClient } from '../../support/browserlessClient';
import { useTestPstage } from '../../support/pstage';
import { submitConventionAsStudent } from '../../support/studentJourney';
import { launchHead, programmeId, studentProposes, subjectById } from './programmeHelpers';

const pstage = useTestPstage();

/** Two programmes with data: Camille's subject in M1, Hugo's subject and a hand-made teacher in L3. */
async function twoProgrammes() {
  const camille = await studentProposes(pstage, 'camille-martin');
  const hugo = await studentProposes(pstage, 'hugo-petit', 'l3-chimie');
  const sophie = await launchHead(pstage, 'sophie-bernard', 'l3-chimie');
  await sophie.client.submit(`/programme/${sophie.programmeId}/tutors`, {
    civility: 'M.',
    firstName: 'Marc',
    lastName: 'Chimiste',
    email: 'marc@univ.example.fr',
  });
  const [l3Teacher] = await pstage.database.db.select().from(teachers).where(eq(teachers.programmeId, sophie.programmeId));
  const jean = await launchHead(pstage, 'jean-dupont', 'm1-info');
  return { camille, hugo, sophie, jean, l3Teacher, m1: jean.programmeId, l3: sophie.programmeId };
}

describe('a programme head sees and acts only on their own programmes', () => {
  it('refuses another programme’s panel and pages to a head of a different course (403), both ways', async () => {
    const { jean, sophie, m1, l3, hugo } = await twoProgrammes();
    for (const path of [`/programme/${l3}`, `/programme/${l3}/tutors`, `/programme/${l3}/subjects/${hugo.subject.id}`]) {
      expect((await jean.client.request(path)).status).toBe(403);
    }
    expect(
      (
        await jean.client.request(`/programme/${l3}/students/validate`, {
          form: { _csrf: jean.csrf, studentIds: String(hugo.subject.studentUserId) },
        })
      ).status,
    ).toBe(403);
    expect(
      (await jean.client.request(`/programme/${l3}/subjects/${hugo.subject.id}`, { form: { _csrf: jean.csrf, decision: 'validate' } }))
        .status,
    ).toBe(403);
    expect((await sophie.client.request(`/programme/${m1}`)).status).toBe(403);
    expect((await subjectById(pstage, hugo.subject.id)).state).toBe('proposed');
  });

  it('refuses the panel to a student (403) and to a visitor without a session (401); a non-numeric id is not found', async () => {
    const { camille, m1 } = await twoProgrammes();
    expect((await camille.client.request(`/programme/${m1}`)).status).toBe(403);
    const visitor = new BrowserlessClient(pstage.url);
    expect((await visitor.request(`/programme/${m1}`)).status).toBe(401);
    const { jean } = await twoProgrammes();
    expect((await jean.client.request('/programme/abc')).status).toBe(404);
  });

  it('does not find another programme’s subject or convention through the head’s own programme URL', async () => {
    const { jean, m1, hugo } = await twoProgrammes();
    expect((await jean.client.request(`/programme/${m1}/subjects/${hugo.subject.id}`)).status).toBe(404);
    const posted = await jean.client.request(`/programme/${m1}/subjects/${hugo.subject.id}`, {
      form: { _csrf: jean.csrf, decision: 'reject', comment: 'Non' },
    });
    expect(posted.status).toBe(404);
    expect((await subjectById(pstage, hugo.subject.id)).state).toBe('proposed');
    const [l3Convention] = await pstage.database.db
      .insert(conventions)
      .values({
        studentUserId: hugo.subject.studentUserId,
        programmeId: hugo.subject.programmeId,
        academicYear: '2026-2027',
        student: { firstName: 'Hugo', lastName: 'Petit', email: 'h@example.fr', studentNumber: '22001122' },
      })
      .returning();
    expect((await jean.client.request(`/programme/${m1}/conventions/${l3Convention.id}`)).status).toBe(404);
  });

  it('refuses crafted form fields: a student of another programme in a bulk validation, nothing written', async () => {
    const { jean, m1, camille, hugo } = await twoProgrammes();
    const before = await pstage.database.db.select().from(outbox);
    const posted = await jean.client.request(`/programme/${m1}/students/validate`, {
      form: { _csrf: jean.csrf, studentIds: [String(camille.subject.studentUserId), String(hugo.subject.studentUserId)] },
    });
    expect(posted.status).toBe(404);
    expect((await subjectById(pstage, camille.subject.id)).state).toBe('proposed');
    expect((await subjectById(pstage, hugo.subject.id)).state).toBe('proposed');
    expect(await pstage.database.db.select().from(outbox)).toHaveLength(before.length);
  });

  it('refuses crafted form fields in a tutor assignment: another programme’s teacher, instructor or student, nothing written', async () => {
    const { jean, m1, camille, hugo, l3Teacher, sophie } = await twoProgrammes();
    const assign = (tutor: string, studentIds: string[]) =>
      jean.client.request(`/programme/${m1}/students/tutor`, { form: { _csrf: jean.csrf, tutor, studentIds } });
    const camilleId = String(camille.subject.studentUserId);
    expect((await assign(`teacher:${l3Teacher.id}`, [camilleId])).status).toBe(404);
    const [sophieUser] = await pstage.database.db.select().from(users).where(eq(users.sub, '203'));
    expect((await assign(`user:${sophieUser.id}`, [camilleId])).status).toBe(404);
    const [m1Teacher] = await pstage.database.db
      .insert(teachers)
      .values({ programmeId: m1, firstName: 'Alan', lastName: 'Turing', email: 'alan@univ.example.fr' })
      .returning();
    expect((await assign(`teacher:${m1Teacher.id}`, [camilleId, String(hugo.subject.studentUserId)])).status).toBe(404);
    expect((await assign('teacher:abc', [camilleId])).status).toBe(303);
    expect((await subjectById(pstage, camille.subject.id)).academicTutorId).toBeNull();
    expect((await subjectById(pstage, hugo.subject.id)).academicTutorId).toBeNull();
    expect(await pstage.database.db.select().from(teachers).where(eq(teachers.programmeId, m1))).toHaveLength(1);
    expect(sophie.programmeId).not.toBe(m1);
  });

  it('shows a convention of the programme read-only, with what the student entered, the findings and the timeline', async () => {
    const { convention } = await submitConventionAsStudent(pstage, { persona: 'camille-martin' });
    await pstage.database.db.update(conventions).set({ gratificationAmount: 1 }).where(eq(conventions.id, convention.id));
    const jean = await launchHead(pstage);
    const page = await jean.client.request(`/programme/${await programmeId(pstage, 'course-m1-info')}/conventions/${convention.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(convention.reference!);
    expect(page.text).toContain('Société Générale Informatique');
    expect(page.text).toContain('Direction informatique');
    expect(page.text).toContain('Paul Durand');
    expect(page.text).toContain('Anne Leroy');
    expect(page.text).toContain('Soumise au service des stages');
    expect(page.text).toContain('Consultation seulement');
    expect(page.text).toContain('id="legal-errors"');
    expect(page.text).toContain('est inférieure au minimum légal');
    expect(page.text).toMatch(/Saisie commencée[\s\S]*Soumise au service des stages<\/strong> — [^<]* — par l&#39;étudiant/);
    expect(page.text).not.toMatch(/<form method="post" action="(?!\/logout")/);
    expect(page.text).not.toContain('?from=recap');
  });
});
