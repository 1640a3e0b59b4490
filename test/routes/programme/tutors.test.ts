import { and, eq } from 'drizzle-orm';
import { conventionEvents, conventions, subjects, teachers, users } from '../../../src/models/schema';
import { cancelConvention } from '../../../src/services/student/conventionWorkflow';
import { currentAcademicYear, testClock } from '../../support/clock';
import { useTestPstage } from '../../support/pstage';
import { submitConventionAsStudent } from '../../support/studentJourney';
import { launchHead, studentProposes } from './programmeHelpers';

const pstage = useTestPstage();

async function userId(sub: string) {
  const [user] = await pstage.database.db.select().from(users).where(eq(users.sub, sub));
  return user.id;
}

describe('the programme head assigns academic tutors', () => {
  it('assigns a course instructor to several students at once: subjects, open conventions (version, event), the teacher created once', async () => {
    const { convention } = await submitConventionAsStudent(pstage, { persona: 'camille-martin' });
    const elodie = await studentProposes(pstage, 'elodie-lefevre');
    const head = await launchHead(pstage);
    const claire = await userId('202');
    const panel = await head.client.request(`/programme/${head.programmeId}`);
    expect(panel.text).toContain(`value="user:${claire}"`);
    expect(panel.text).toContain('Claire Lambert (0 stagiaire(s)) — enseignant du cours');

    const students = [convention.studentUserId, elodie.subject.studentUserId].map(String);
    const posted = await head.client.submit(
      `/programme/${head.programmeId}`,
      { studentIds: students, tutor: `user:${claire}` },
      `/programme/${head.programmeId}/students/tutor`,
    );
    expect(posted.status).toBe(303);
    expect(posted.location).toContain('done=tutorAssigned&count=2');

    const db = pstage.database.db;
    const created = await db.select().from(teachers).where(eq(teachers.userId, claire));
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      programmeId: head.programmeId,
      firstName: 'Claire',
      lastName: 'Lambert',
      email: 'claire.lambert@univ.example.fr',
    });
    const [updated] = await db.select().from(conventions).where(eq(conventions.id, convention.id));
    expect(updated).toMatchObject({ academicTutorId: created[0].id, version: convention.version + 1, state: 'submitted' });
    const events = await db
      .select()
      .from(conventionEvents)
      .where(and(eq(conventionEvents.conventionId, convention.id), eq(conventionEvents.event, 'assign_tutor')));
    expect(events).toEqual([
      expect.objectContaining({ actorRole: 'programme', fromState: 'submitted', toState: 'submitted', reason: 'Claire Lambert' }),
    ]);
    const [subject] = await db.select().from(subjects).where(eq(subjects.id, elodie.subject.id));
    expect(subject.academicTutorId).toBe(created[0].id);

    const page = await head.client.request(posted.location!);
    expect(page.text).toContain('Enseignant référent désigné pour 2 étudiants.');
    expect(page.text).toContain(`value="teacher:${created[0].id}"`);
    expect(page.text).toContain('Claire Lambert (1 stagiaire(s))');
    expect(page.text).not.toContain(`value="user:${claire}"`);

    // Assigning again reuses the teacher.
    await head.client.submit(
      `/programme/${head.programmeId}`,
      { studentIds: students, tutor: `user:${claire}` },
      `/programme/${head.programmeId}/students/tutor`,
    );
    expect(await db.select().from(teachers).where(eq(teachers.userId, claire))).toHaveLength(1);
  });

  it('sends a tutor assignment without a tutor or without students back with the errors next to the fields', async () => {
    const head = await launchHead(pstage);
    const posted = await head.client.submit(
      `/programme/${head.programmeId}`,
      { tutor: '' },
      `/programme/${head.programmeId}/students/tutor`,
    );
    expect(posted.status).toBe(303);
    const page = await head.client.request(`/programme/${head.programmeId}`);
    expect(page.text).toContain('Sélectionnez au moins un étudiant.');
    expect(page.text).toMatch(/id="tutor-error"[^>]*>Choisissez l&#39;enseignant référent à désigner/);
    expect(page.text).toContain('aria-describedby="tutor-hint tutor-error"');
  });

  it('creates a teacher by hand with field errors first, then assigns them', async () => {
    const elodie = await studentProposes(pstage, 'elodie-lefevre');
    const head = await launchHead(pstage);
    const path = `/programme/${head.programmeId}/tutors`;
    const invalid = await head.client.submit(path, { firstName: 'Anne', lastName: '', email: 'pas-un-courriel' });
    expect(invalid.status).toBe(303);
    const errors = await head.client.request(path);
    expect(errors.text).toContain('error-summary');
    expect(errors.text).toContain('href="#lastName">Nom : Ce champ est obligatoire.');
    expect(errors.text).toMatch(/id="lastName-error"[^>]*>Ce champ est obligatoire/);
    expect(errors.text).toMatch(/id="email-error"/);
    expect(errors.text).toMatch(/id="civility-error"/);
    expect(errors.text).toContain('value="Anne"');
    expect(await pstage.database.db.select().from(teachers)).toHaveLength(0);

    const created = await head.client.submit(path, {
      civility: 'Mme',
      firstName: 'Anne',
      lastName: 'Leroy',
      email: 'Anne.Leroy@univ.example.fr',
    });
    expect(created.location).toBe(`${path}?done=teacherCreated`);
    const [teacher] = await pstage.database.db.select().from(teachers);
    expect(teacher).toMatchObject({
      civility: 'Mme',
      firstName: 'Anne',
      lastName: 'Leroy',
      email: 'anne.leroy@univ.example.fr',
      programmeId: head.programmeId,
      userId: null,
    });
    const page = await head.client.request(created.location!);
    expect(page.text).toContain('Anne Leroy');
    expect(page.text).toContain('ajouté dans Pstage');

    const assigned = await head.client.submit(
      `/programme/${head.programmeId}`,
      { studentIds: String(elodie.subject.studentUserId), tutor: `teacher:${teacher.id}` },
      `/programme/${head.programmeId}/students/tutor`,
    );
    expect(assigned.status).toBe(303);
    const [subject] = await pstage.database.db.select().from(subjects).where(eq(subjects.id, elodie.subject.id));
    expect(subject.academicTutorId).toBe(teacher.id);
  });

  it('says which selected students had nowhere to record a tutor (no subject, no open convention)', async () => {
    const elodie = await studentProposes(pstage, 'elodie-lefevre');
    const head = await launchHead(pstage);
    const claire = await userId('202');
    const thomas = await userId('103');
    const posted = await head.client.submit(
      `/programme/${head.programmeId}`,
      { studentIds: [String(elodie.subject.studentUserId), String(thomas)], tutor: `user:${claire}` },
      `/programme/${head.programmeId}/students/tutor`,
    );
    expect(posted.location).toContain('count=1&skipped=1');
    const page = await head.client.request(posted.location!);
    expect(page.text).toContain('Enseignant référent désigné pour 1 étudiant. 1 étudiant sélectionné n&#39;a ni sujet ni convention');
  });

  it('counts each tutor’s interns this academic year (cancelled ones excepted) and warns above the cap', async () => {
    const { convention } = await submitConventionAsStudent(pstage, { persona: 'camille-martin' });
    const head = await launchHead(pstage);
    const db = pstage.database.db;
    const tutorId = convention.academicTutorId!;
    // Camille's internship is next calendar year, which is this academic year or the next depending on the day:
    // cancelled, it never counts, so the count below is the same on any day of the year.
    await cancelConvention(
      { db, officeEmail: 'stages@localhost' },
      convention.studentUserId,
      convention.id,
      convention.version,
      null,
      testClock,
    );
    const year = currentAcademicYear;
    const elodie = await userId('102');
    const thomas = await userId('103');
    await db.insert(conventions).values([
      {
        studentUserId: elodie,
        programmeId: head.programmeId,
        academicYear: year,
        academicTutorId: tutorId,
        state: 'draft',
        student: { firstName: 'Élodie', lastName: 'Lefèvre', email: 'e@example.fr', studentNumber: '21905678' },
      },
      {
        studentUserId: thomas,
        programmeId: head.programmeId,
        academicYear: year,
        academicTutorId: tutorId,
        state: 'submitted',
        student: { firstName: 'Thomas', lastName: 'Roux', email: 't@example.fr', studentNumber: '21907001' },
      },
      {
        studentUserId: thomas,
        programmeId: head.programmeId,
        academicYear: year,
        academicTutorId: tutorId,
        state: 'cancelled',
        student: { firstName: 'Thomas', lastName: 'Roux', email: 't@example.fr', studentNumber: '21907001' },
      },
    ]);
    const cap = pstage.services.config.academicTutorCap;
    try {
      pstage.services.config.academicTutorCap = 1;
      const page = await head.client.request(`/programme/${head.programmeId}/tutors`);
      expect(page.text).toMatch(
        new RegExp(
          `data-tutor="teacher:${tutorId}">\\s*<td>Anne Leroy</td>\\s*<td>[^<]*</td>\\s*<td>2 <span class="badge text-bg-warning" data-over-cap>Au-delà du plafond \\(1\\)`,
        ),
      );
      const panel = await head.client.request(`/programme/${head.programmeId}`);
      expect(panel.text).toContain('Anne Leroy (2 stagiaire(s), au-delà du plafond)');
    } finally {
      pstage.services.config.academicTutorCap = cap;
    }
    const normal = await head.client.request(`/programme/${head.programmeId}/tutors`);
    expect(normal.text).not.toContain('data-over-cap');
  });
});
