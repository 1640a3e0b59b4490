import { and, eq } from 'drizzle-orm';
import { role } from '../../src/lti/devPlatform';
import { mapLaunchRoles } from '../../src/lti/roleMapping';
import { memberships, programmes, users } from '../../src/models/schema';
import { refreshRoster } from '../../src/services/programme/roster';
import { loadTutorChoices } from '../../src/services/programme/tutors';
import { today } from '../support/clock';
import { useTestPstage } from '../support/pstage';

const pstage = useTestPstage();

afterEach(() => pstage.devPlatform!.setEnrolledAsTeacher('admin-user', 'course-m1-info', false));

/** The roles Moodle sends its site administrator in any course (mod/lti lti_get_ims_role, in LTI 1.3 URIs). */
const moodleSiteAdministrator = [role.instructor, role.systemAdministrator, role.institutionAdministrator];

async function programme() {
  const [row] = await pstage.database.db.select().from(programmes).where(eq(programmes.contextId, 'course-m1-info'));
  return row;
}

async function staffOf(programmeId: number) {
  const rows = await pstage.database.db
    .select({ sub: users.sub, source: memberships.source })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.programmeId, programmeId), eq(memberships.role, 'staff')));
  return rows.map((row) => row.sub).sort();
}

describe('who is a course teacher', () => {
  it("maps Moodle's roles: Instructor or ContentDeveloper teach, an administrator's Instructor alone does not", () => {
    expect(mapLaunchRoles([role.instructor], true)).toMatchObject({ programmeStaff: true, office: false });
    expect(mapLaunchRoles(['http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper'], true)).toMatchObject({
      programmeStaff: true,
    });
    expect(mapLaunchRoles(moodleSiteAdministrator, true)).toEqual({
      student: false,
      programmeStaff: false,
      office: true,
      administratorInCourse: true,
    });
    expect(mapLaunchRoles([role.instructor], false)).toMatchObject({ programmeStaff: false });
  });

  it('the development platform sends the site administrator the roles Moodle sends', async () => {
    const token = await pstage.devPlatform!.signIdToken({ personaId: 'admin-user', linkId: 'm1-info' });
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    expect(claims['https://purl.imsglobal.org/spec/lti/claim/roles']).toEqual(moodleSiteAdministrator);
  });

  it('a site administrator not enrolled in the course acts as office and is neither its staff nor offered as tutor', async () => {
    await pstage.launch('jean-dupont', 'm1-info');
    const { page } = await pstage.launch('admin-user', 'm1-info');
    expect(page.url).toMatch(/\/office$/);

    const course = await programme();
    await refreshRoster(pstage.services, course, { force: true });
    expect(await staffOf(course.id)).toEqual(['201', '202']);
    const { choices } = await loadTutorChoices(pstage.database.db, course.id, 16, today);
    expect(choices.map((choice) => choice.name)).not.toContain('Admin User');
    expect(choices.map((choice) => choice.name)).toContain('Claire Lambert');

    // Launching again changes nothing: the launch alone never makes them a teacher of the course.
    await pstage.launch('admin-user', 'm1-info');
    expect(await staffOf(course.id)).toEqual(['201', '202']);
  });

  it("a staff membership an earlier version recorded from a site administrator's launch alone goes at their next launch", async () => {
    await pstage.launch('jean-dupont', 'm1-info');
    await pstage.launch('admin-user', 'm1-info');
    const course = await programme();
    const [admin] = await pstage.database.db.select().from(users).where(eq(users.sub, '2'));
    // What the launch of an unenrolled administrator recorded before they acted as office.
    await pstage.database.db.insert(memberships).values({ userId: admin.id, programmeId: course.id, role: 'staff', source: 'launch' });
    expect(await staffOf(course.id)).toContain('2');

    const { page } = await pstage.launch('admin-user', 'm1-info');
    expect(page.url).toMatch(/\/office$/);
    expect(await staffOf(course.id)).not.toContain('2');
    const { choices } = await loadTutorChoices(pstage.database.db, course.id, 16, today);
    expect(choices.map((choice) => choice.name)).not.toContain('Admin User');
  });

  it("a site administrator whom the course's roster lists as a teacher is its staff, lands on its panel and is offered as tutor", async () => {
    pstage.devPlatform!.setEnrolledAsTeacher('admin-user', 'course-m1-info', true);
    await pstage.launch('jean-dupont', 'm1-info');
    await refreshRoster(pstage.services, await programme(), { force: true });

    const { page } = await pstage.launch('admin-user', 'm1-info');
    const course = await programme();
    expect(page.url).toMatch(new RegExp(`/programme/${course.id}$`));
    expect(await staffOf(course.id)).toEqual(['2', '201', '202']);
    const { choices } = await loadTutorChoices(pstage.database.db, course.id, 16, today);
    expect(choices.map((choice) => choice.name)).toContain('Admin User');
  });

  it('a site administrator may still place Pstage in a course by deep linking', async () => {
    const { page } = await pstage.launch('admin-user', 'm1-info-deep-link');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Tableau de bord du responsable');
  });
});
