import { eq } from 'drizzle-orm';
import { teachers } from '../../src/models/schema';
import { recordSignature } from '../../src/services/office/recordSignature';
import { returnConvention } from '../../src/services/office/returnConvention';
import { testClock } from '../support/clock';
import { useTestPstage } from '../support/pstage';
import { submitConventionAsStudent } from '../support/studentJourney';
import { launchOffice, recordSignaturesAsOffice, reload, validateAsOffice } from '../services/office/officeJourney';
import { launchHead } from './programme/programmeHelpers';

const pstage = useTestPstage();

/** The programme head designates a referent of their own (a teacher created on the tutors page) through the panel. */
async function designateReferent(studentUserId: number) {
  const head = await launchHead(pstage);
  await head.client.submit(`/programme/${head.programmeId}/tutors`, {
    civility: 'M.',
    firstName: 'Jean',
    lastName: 'Durand',
    email: 'jean.durand@univ.example.fr',
  });
  const [teacher] = await pstage.database.db.select().from(teachers).where(eq(teachers.email, 'jean.durand@univ.example.fr'));
  const assigned = await head.client.submit(
    `/programme/${head.programmeId}`,
    { studentIds: String(studentUserId), tutor: `teacher:${teacher.id}` },
    `/programme/${head.programmeId}/students/tutor`,
  );
  expect(assigned.status).toBe(303);
  return head;
}

const historyOf = (html: string) => /<ol class="timeline"[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
const signatureRow = (html: string, party: string) =>
  new RegExp(`<th scope="row">${party}</th>\\s*<td>[^<]*</td><td>([^<]*)`).exec(html)?.[1];

describe('the office’s and the programme’s histories say what happened', () => {
  it('a designated referent is named as such, each recorded signature names its party, each signature its method', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    const head = await designateReferent(convention.studentUserId);
    await validateAsOffice(pstage, convention.id);
    await recordSignaturesAsOffice(pstage, convention.id, ['student']);
    const office = await launchOffice(pstage);
    const { version } = await reload(pstage, convention.id);
    await recordSignature(
      pstage.database.db,
      {
        officeUserId: office.officeUserId,
        conventionId: convention.id,
        version,
        party: 'professional_tutor',
        signedAt: testClock.today(),
        method: 'electronic',
      },
      testClock,
    );

    const officePage = (await office.client.request(`/office/conventions/${convention.id}`)).text;
    const officeHistory = historyOf(officePage);
    expect(officeHistory).toContain('<strong>Enseignant référent désigné : Jean Durand</strong>');
    expect(officeHistory).not.toContain('Motif : Jean Durand');
    expect(officeHistory).toContain('<strong>Signature du stagiaire enregistrée</strong>');
    expect(officeHistory).toContain('<strong>Signature du tuteur de stage enregistrée</strong>');
    expect(officeHistory).not.toContain('<strong>Signature enregistrée</strong>');
    expect(signatureRow(officePage, 'Stagiaire')).toBe('Papier');
    expect(signatureRow(officePage, 'Tuteur de stage')).toBe('Électronique');

    const programmePage = (await head.client.request(`/programme/${head.programmeId}/conventions/${convention.id}`)).text;
    const programmeHistory = historyOf(programmePage);
    expect(programmeHistory).toContain('<strong>Enseignant référent désigné : Jean Durand</strong>');
    expect(programmeHistory).not.toMatch(/<br>Jean Durand/);
    expect(programmeHistory).toContain('<strong>Signature du tuteur de stage enregistrée</strong>');
  });

  it('a returned convention shows as returned on the programme’s page and panel and on the office’s page, not as a draft', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    const office = await launchOffice(pstage);
    await returnConvention(
      pstage.database.db,
      { officeUserId: office.officeUserId, conventionId: convention.id, version: convention.version, reason: 'Précisez les dates' },
      testClock,
    );
    const head = await launchHead(pstage);
    const programmePage = (await head.client.request(`/programme/${head.programmeId}/conventions/${convention.id}`)).text;
    expect(programmePage).toContain('<strong id="convention-state">Renvoyée pour correction</strong>');
    const panel = (await head.client.request(`/programme/${head.programmeId}`)).text;
    expect(panel).toContain(`>${convention.reference}</a><br>Renvoyée pour correction`);
    expect(panel).not.toContain(`>${convention.reference}</a><br>Brouillon`);
    const officePage = (await office.client.request(`/office/conventions/${convention.id}`)).text;
    expect(officePage).toMatch(/État\u00a0: <strong id="convention-state">Renvoyée[^<]*<\/strong>/);
  });
});
