import { recordDeanSignature } from '../../../src/services/office/recordDeanSignature';
import { returnConvention } from '../../../src/services/office/returnConvention';
import { useTestPstage } from '../../support/pstage';
import { testClock } from '../../support/clock';
import { submitConventionAsStudent } from '../../support/studentJourney';
import {
  acceptCertificateAsOffice,
  circuitOf,
  completeAsOffice,
  conventionReadyToValidate,
  launchOffice,
  recordSignaturesAsOffice,
  reload,
  validateAsOffice,
} from '../../services/office/officeJourney';

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

  it('the next step told per state: on paper, print and bring the originals; sent for electronic signature, nothing to print', async () => {
    const nextStep = async (client: { request(path: string): Promise<{ text: string }> }) =>
      /<td>(?:<a href="\/student\/conventions\/\d+">[^<]*<\/a>)<\/td>\s*<td>[^<]*<\/td>\s*<td>[^<]*(?:<br>[\s\S]*?)?<\/td>\s*<td>([^<]*)/
        .exec((await client.request('/student')).text)?.[1]
        ?.trim();
    const paper = await submitConventionAsStudent(pstage);
    expect(await nextStep(paper.client)).toBe('Le service des stages vérifie votre convention.');
    await validateAsOffice(pstage, paper.convention.id);
    expect(await nextStep(paper.client)).toBe('Imprimez la convention et faites-la signer par toutes les parties.');
    expect((await paper.client.request(paper.base)).text).toContain('Imprimez-la en trois exemplaires');
    await recordSignaturesAsOffice(pstage, paper.convention.id);
    expect(await nextStep(paper.client)).toBe('Déposez la convention signée au service des stages.');
    const { version } = await acceptCertificateAsOffice(pstage, paper.convention.id);
    const { officeUserId } = await launchOffice(pstage);
    await recordDeanSignature(
      pstage.database.db,
      { officeUserId, conventionId: paper.convention.id, version, signedAt: testClock.today() },
      circuitOf(pstage),
    );
    expect(await nextStep(paper.client)).toBe('Tout est en règle : votre stage peut commencer à la date prévue.');
    await pstage.reset();

    const online = await submitConventionAsStudent(pstage);
    await validateAsOffice(pstage, online.convention.id);
    await acceptCertificateAsOffice(pstage, online.convention.id);
    const office = await launchOffice(pstage);
    const page = `/office/conventions/${online.convention.id}`;
    expect((await office.client.submit(page, {}, `${page}/send-for-signature`)).location).toBe(`${page}?done=sendForSignature`);
    expect(await nextStep(online.client)).toBe(
      'Chaque partie signe en ligne avec le lien personnel reçu par courriel ; signez à votre tour depuis la page de la convention.',
    );
    const status = (await online.client.request(online.base)).text;
    expect(status).not.toContain('Imprimez-la en trois exemplaires');
    expect(status).toContain('Chaque partie signe en ligne avec le lien personnel reçu par courriel : rien à imprimer.');
  });
});
