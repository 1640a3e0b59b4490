import { eq } from 'drizzle-orm';
import { conventions, users } from '../../../src/models/schema';
import { organisationRepository } from '../../../src/models/organisationRepository';
import { assignTutor } from '../../../src/services/programme/tutors';
import { decideSubjects } from '../../../src/services/programme/subjectDecisions';
import { testClock } from '../../support/clock';
import { useTestPstage } from '../../support/pstage';
import { fillConventionAsStudent, submitConventionAsStudent } from '../../support/studentJourney';
import { launchOffice, reload } from '../../services/office/officeJourney';

const pstage = useTestPstage();

async function headUserId() {
  await pstage.launch('jean-dupont', 'm1-info');
  const [head] = await pstage.database.db.select().from(users).where(eq(users.email, 'jean.dupont@univ.example.fr'));
  return head.id;
}

describe("the academic referent: the student's choice, unless the programme head assigned one", () => {
  it('with no assignment, the teacher the student chose is the one the office sees, validates and freezes', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    const db = pstage.database.db;
    const head = await headUserId();
    // The head validates the subject without assigning anyone.
    await decideSubjects(
      db,
      { programmeId: convention.programmeId, actorUserId: head, subjectIds: [convention.subjectId!], decision: 'validate' },
      testClock,
    );
    const { client } = await launchOffice(pstage);
    const host = (await organisationRepository.findById(db, convention.organisationId!))!;
    expect(
      (
        await client.submit(
          `/office/organisations/${host.id}`,
          { version: String(host.version) },
          `/office/organisations/${host.id}/validate`,
        )
      ).status,
    ).toBe(303);

    const page = `/office/conventions/${convention.id}`;
    const html = (await client.request(page)).text;
    expect(html).not.toContain("Pas d'enseignant référent désigné");
    expect(html).not.toContain('Pas d&#39;enseignant référent désigné');
    expect(html).toMatch(
      /id="chosen-tutor">Indiqué par l(&#39;|')étudiant : Mme Anne Leroy \(anne\.leroy@univ\.example\.fr\) \(le responsable de la formation n(&#39;|')en a pas désigné/,
    );
    expect((await client.request('/office/conventions?state=submitted')).text).not.toContain('Pas d&#39;enseignant référent désigné');

    expect(await client.submit(page, { overrideReason: '' }, `${page}/validate`)).toMatchObject({
      status: 303,
      location: `${page}?done=validate`,
    });
    const validated = await reload(pstage, convention.id);
    expect(validated.state).toBe('validated');
    expect((validated.frozenSnapshot as { academicTutor: { lastName: string } }).academicTutor.lastName).toBe('Leroy');
  });

  it('with an assignment, the step shows the assigned referent read-only and why, and a crafted choice does not replace them', async () => {
    const db = pstage.database.db;
    const head = await headUserId();
    const { client, base, conventionId } = await fillConventionAsStudent(pstage, { stopBefore: 'leave' });
    const chosen = await reload(pstage, conventionId);
    const { teacher } = await assignTutor(db, {
      programmeId: chosen.programmeId,
      actorUserId: head,
      tutor: `user:${head}`,
      studentIds: [chosen.studentUserId],
    });

    const step = (await client.request(`${base}/academic-tutor`)).text;
    expect(step).toContain('id="assigned-tutor"');
    expect(step).toContain(`${teacher.firstName} ${teacher.lastName}`);
    expect(step).toContain('Le responsable de la formation a désigné cet enseignant référent pour votre stage');
    expect(step).toContain(`name="choice" value="teacher-${teacher.id}"`);
    expect(step).not.toContain('type="radio" name="choice"');

    const crafted = await client.submit(`${base}/academic-tutor`, {
      choice: 'new',
      civility: 'M.',
      firstName: 'Marc',
      lastName: 'Autre',
      email: 'marc@example.fr',
    });
    expect(crafted.status).toBe(303);
    const [row] = await db.select().from(conventions).where(eq(conventions.id, conventionId));
    expect(row.academicTutorId).toBe(teacher.id);
  });
});
