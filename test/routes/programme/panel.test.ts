import { eq } from 'drizzle-orm';
import { conventions, memberships, subjects, users } from '../../../src/models/schema';
import { useTestPstage } from '../../support/pstage';
import { addDays } from '../../../src/domain/calendarDate';
import { today } from '../../support/clock';
import { nextYear, submitConventionAsStudent } from '../../support/studentJourney';
import { launchHead, studentProposes } from './programmeHelpers';

const pstage = useTestPstage();

/** The rows of the students table, by name, with their warnings. */
function rowsOf(html: string): Record<string, string> {
  const rows: Record<string, string> = {};
  for (const match of html.matchAll(/<tr data-student="\d+">([\s\S]*?)<\/tr>/g)) {
    const name = /<td>([^<]+)</.exec(match[1].replace(/<td><input[\s\S]*?<\/td>/, ''))?.[1].trim() ?? '';
    rows[name] = match[1];
  }
  return rows;
}

describe('the students of the programme on the head’s panel', () => {
  it('lists every student of the course, those with nothing yet too, with subject, convention, tutor, start and warnings', async () => {
    const { convention } = await submitConventionAsStudent(pstage, { persona: 'camille-martin' });
    await pstage.database.db.update(conventions).set({ academicTutorId: null }).where(eq(conventions.id, convention.id));
    await studentProposes(pstage, 'elodie-lefevre');
    const head = await launchHead(pstage);
    const rows = rowsOf(head.page.text);
    expect(Object.keys(rows)).toEqual(['Nicolas Faure', 'Manon Garnier', 'Élodie Lefèvre', 'Camille Martin', 'Thomas Roux']);
    expect(head.page.text).toContain('5 étudiant(s) affiché(s) sur 5.');
    expect(rows['Camille Martin']).toContain(convention.reference!);
    expect(rows['Camille Martin']).toContain('Soumise au service des stages');
    expect(rows['Camille Martin']).toContain('data-warning="submittedWithoutTutor"');
    expect(rows['Camille Martin']).toContain(`02/03/${nextYear}`);
    expect(rows['Camille Martin']).toContain('21901234');
    expect(rows['Élodie Lefèvre']).toContain('À valider');
    expect(rows['Élodie Lefèvre']).not.toContain('data-warning="noSubject"');
    expect(rows['Thomas Roux']).toContain('data-warning="noSubject"');
    expect(rows['Thomas Roux']).not.toContain('data-warning="departed"');
  });

  it('filters by what needs doing and by convention state, and searches by name without accents or by student number (GET, no script)', async () => {
    await submitConventionAsStudent(pstage, { persona: 'camille-martin' });
    await studentProposes(pstage, 'elodie-lefevre');
    const head = await launchHead(pstage);
    const names = async (query: string) => Object.keys(rowsOf((await head.client.request(`/programme/${head.programmeId}?${query}`)).text));
    expect(await names('filter=toValidate')).toEqual(['Élodie Lefèvre', 'Camille Martin']);
    expect(await names('filter=withoutConvention')).toEqual(['Nicolas Faure', 'Manon Garnier', 'Élodie Lefèvre', 'Thomas Roux']);
    expect(await names('filter=withoutTutor')).toEqual(['Nicolas Faure', 'Manon Garnier', 'Élodie Lefèvre', 'Thomas Roux']);
    expect(await names('state=submitted')).toEqual(['Camille Martin']);
    expect(await names('state=validated')).toEqual([]);
    expect(await names('q=lefevre')).toEqual(['Élodie Lefèvre']);
    expect(await names('q=21907002')).toEqual(['Manon Garnier']);
    expect(await names('q=martin&filter=withoutConvention')).toEqual([]);
    const page = await head.client.request(`/programme/${head.programmeId}?q=lefevre&filter=toValidate`);
    expect(page.text).toContain('value="lefevre"');
    expect(page.text).toMatch(/<option value="toValidate" selected>/);
  });

  it('warns about a rejected subject and a start within a month while the convention is not signed', async () => {
    const { subject } = await studentProposes(pstage, 'elodie-lefevre');
    const soon = addDays(today, 10);
    await pstage.database.db.update(subjects).set({ state: 'rejected', approximateStart: soon }).where(eq(subjects.id, subject.id));
    const head = await launchHead(pstage);
    const row = rowsOf(head.page.text)['Élodie Lefèvre'];
    expect(row).toContain('data-warning="subjectRejected"');
    expect(row).toContain('data-warning="startSoon"');
  });

  it('keeps a student who left the course with their subject, marked as no longer enrolled', async () => {
    const { subject } = await studentProposes(pstage, 'elodie-lefevre');
    const head = await launchHead(pstage);
    await pstage.database.db.delete(memberships).where(eq(memberships.userId, subject.studentUserId));
    const page = await head.client.request(`/programme/${head.programmeId}`);
    expect(rowsOf(page.text)['Élodie Lefèvre']).toContain('data-warning="departed"');
    const [user] = await pstage.database.db.select().from(users).where(eq(users.id, subject.studentUserId));
    expect(user.name).toBe('Élodie Lefèvre');
  });
});
