import { useTestPstage } from '../../support/pstage';
import { submitConventionAsStudent } from '../../support/studentJourney';
import { recordSignaturesAsOffice, validateAsOffice } from '../../services/office/officeJourney';

const pstage = useTestPstage();

describe("the student's status page after validation", () => {
  it('lists who has signed and who has not yet, and asks for the civil-liability certificate', async () => {
    const { client, convention, base } = await submitConventionAsStudent(pstage);
    expect((await client.request(base)).text).not.toContain('id="signatures"');

    await validateAsOffice(pstage, convention.id);
    await recordSignaturesAsOffice(pstage, convention.id, ['student']);

    const page = (await client.request(base)).text;
    const signatures = page.slice(page.indexOf('id="signatures"'), page.indexOf('</ul>', page.indexOf('id="signatures"')));
    expect(signatures).toMatch(/Stagiaire\u00a0: <strong>signée, original reçu le \d{2}\/\d{2}\/\d{4}<\/strong> \(papier\)/);
    expect(signatures).toContain('Représentant de l&#39;organisme d&#39;accueil\u00a0: en attente');
    expect(signatures).toContain('Enseignant référent\u00a0: en attente');
    expect(signatures).toContain('Doyen\u00a0: en attente');
    expect(signatures).toContain(`<a href="/student/certificate?convention=${convention.id}">à déposer</a>`);
  });
});
