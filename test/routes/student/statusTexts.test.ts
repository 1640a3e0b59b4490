import { returnConvention } from '../../../src/services/office/returnConvention';
import { useTestPstage } from '../../support/pstage';
import { testClock } from '../../support/clock';
import { submitConventionAsStudent } from '../../support/studentJourney';
import { completeAsOffice, conventionReadyToValidate, reload, validateAsOffice } from '../../services/office/officeJourney';

const pstage = useTestPstage();

/** The state a page shows, as the student reads it. */
const shownState = (html: string) => /<strong id="convention-state">([^<]*)<\/strong>/.exec(html)?.[1];
const ficheBadge = (html: string) =>
  /Remplir la fiche de liaison[\s\S]*?<span class="badge status-badge[^"]*">([^<]*)<\/span>/.exec(html)?.[1];

describe('what the student pages say matches what happened', () => {
  it('a convention the office returned shows as returned, on the home page and on its page', async () => {
    const { client, convention, base } = await conventionReadyToValidate(pstage);
    expect(shownState((await client.request(base)).text)).toBe('Soumise au service des stages');
    await returnConvention(
      pstage.database.db,
      {
        officeUserId: convention.studentUserId,
        conventionId: convention.id,
        version: convention.version,
        reason: 'Précisez les activités',
      },
      testClock,
    );
    const page = await client.request(base);
    expect(shownState(page.text)).toBe('Renvoyée pour correction');
    expect(page.text).toContain('État\u00a0:');
    const home = await client.request('/student');
    expect(home.text).toContain('<td>Renvoyée pour correction</td>');
    expect(home.text).not.toContain('<td>Brouillon</td>');
  });

  it('signatures show their method; once complete, nothing says the internship cannot start or asks to print', async () => {
    const { client, convention, base, subject } = await submitConventionAsStudent(pstage);
    await validateAsOffice(pstage, convention.id);
    let page = await client.request(base);
    expect(page.text).toContain('Imprimez-la en trois exemplaires');
    await completeAsOffice(pstage, convention.id);
    expect((await reload(pstage, convention.id)).state).toBe('complete');
    page = await client.request(base);
    expect(page.text).toMatch(/Stagiaire\u00a0: <strong>[^<]*<\/strong> \(papier\)/);
    expect(page.text).toContain('<strong>Signature du tuteur de stage enregistrée</strong>');
    expect(page.text).toContain('<strong>Votre signature enregistrée</strong>');
    expect(page.text).not.toContain('Le stage ne peut pas commencer');
    expect(page.text).not.toContain('Imprimez-la en trois exemplaires');
    const home = await client.request('/student');
    expect(home.text).not.toContain('Le stage ne peut pas commencer');
    expect(home.text).toContain('Saisir une autre convention');
    expect(home.text).not.toContain('vous pouvez saisir la convention');
    expect((await client.request(`/student/subject/${subject!.id}`)).text).not.toContain('vous pouvez saisir la convention');
  });

  it('the fiche de liaison is done once downloaded, not before', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    expect(ficheBadge((await client.request('/student')).text)).toBe('À faire');
    expect((await client.request('/student/fiche-de-liaison.pdf')).status).toBe(200);
    expect(ficheBadge((await client.request('/student')).text)).toBe('Fait');
  });
});
