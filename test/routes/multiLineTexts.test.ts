import { eq } from 'drizzle-orm';
import { subjects } from '../../src/models/schema';
import { returnConvention } from '../../src/services/office/returnConvention';
import { testClock } from '../support/clock';
import { useTestPstage } from '../support/pstage';
import { submitConventionAsStudent } from '../support/studentJourney';
import { launchOffice } from '../services/office/officeJourney';
import { launchHead } from './programme/programmeHelpers';

const pstage = useTestPstage();

const description = 'Contexte du sujet\nDeuxième ligne\n- une liste';
const activities = 'Analyser les journaux\nProposer des alertes\nDocumenter le code';
const skills = 'Python\nStatistiques';
const returnReason = 'Précisez les activités\nCorrigez les dates';

/** The text is the whole content of an element whose class keeps line breaks (the CSP forbids style attributes). */
const keptInPreLine = (html: string, text: string) =>
  new RegExp(`class="[^"]*\\btext-pre-line\\b[^"]*"[^>]*>${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}<`).test(html);
const inlineStyles = (html: string) => html.match(/<[^>]+\sstyle=[^>]*>/g) ?? [];

describe('multi-line texts keep their line breaks through a class, never an inline style', () => {
  it('the subject, the activities, the skills and a return reason, on the student’s, the programme’s and the office’s pages', async () => {
    const { client, convention, base, subject } = await submitConventionAsStudent(pstage, { internship: { activities, skills } });
    await pstage.database.db
      .update(subjects)
      .set({ description, state: 'validated', decidedAt: testClock.now() })
      .where(eq(subjects.id, subject!.id));

    const studentSubject = (await client.request(`/student/subject/${subject!.id}`)).text;
    expect(keptInPreLine(studentSubject, description)).toBe(true);

    const head = await launchHead(pstage);
    const programmeSubject = (await head.client.request(`/programme/${head.programmeId}/subjects/${subject!.id}`)).text;
    expect(keptInPreLine(programmeSubject, description)).toBe(true);
    const programmeConvention = (await head.client.request(`/programme/${head.programmeId}/conventions/${convention.id}`)).text;
    expect(keptInPreLine(programmeConvention, activities)).toBe(true);

    const office = await launchOffice(pstage);
    const officePage = (await office.client.request(`/office/conventions/${convention.id}`)).text;
    for (const text of [activities, skills, description]) expect(keptInPreLine(officePage, text)).toBe(true);

    await returnConvention(
      pstage.database.db,
      { officeUserId: office.officeUserId, conventionId: convention.id, version: convention.version, reason: returnReason },
      testClock,
    );
    const status = (await client.request(base)).text;
    expect(keptInPreLine(status, returnReason)).toBe(true);
    const officeHistory = (await office.client.request(`/office/conventions/${convention.id}`)).text;
    expect(keptInPreLine(officeHistory, returnReason)).toBe(true);

    for (const html of [studentSubject, programmeSubject, programmeConvention, officePage, status, officeHistory])
      expect(inlineStyles(html)).toEqual([]);
  });

  it('the stylesheet gives the class its line breaks', async () => {
    const css = await (await pstage.launch('camille-martin', 'm1-info')).client.request('/assets/pstage.css');
    expect(css.text).toMatch(/\.text-pre-line\s*\{\s*white-space:\s*pre-line;?\s*\}/);
  });
});
