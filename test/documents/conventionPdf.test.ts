import { renderConventionPdf } from '../../src/documents/conventionPdf';
import { sha256 } from '../../src/documents/hash';
import { sampleConvention } from './conventionFixture';
import { flatten, pdfPages, prose } from './pdfText';

describe('convention de stage PDF', () => {
  let pages: string[];
  let text: string;

  beforeAll(async () => {
    const pdf = await renderConventionPdf(sampleConvention(), { draft: false });
    pages = await pdfPages(pdf);
    text = prose(await pdfPages(pdf, '-raw'));
  });

  it('starts with a PDF header and hashes to a hex sha256', async () => {
    const pdf = await renderConventionPdf(sampleConvention(), { draft: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha256(pdf)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    [
      '1. programme and teaching volume',
      ['Master Œnologie et viticulture, 1re année', '420 heures d’enseignement par année universitaire'],
    ],
    [
      '2. both tutors',
      ['Tuteur ou tutrice de stage dans l’organisme d’accueil', 'Mme Zoé Müller', 'Enseignant(e) référent(e)', 'M. Jérôme Caillé'],
    ],
    ['3. skills', ['Compétences à acquérir ou à développer', 'protocole d’analyse sensorielle']],
    ['4. activities', ['Activités confiées', 'écart ≤ 0,5 point', 'rapport œnologique']],
    [
      '5. dates and total duration',
      ['du 01/03/2027 au 30/06/2027', '553 heures, soit 79 jours de présence effective', 'du 19/04/2027 au 23/04/2027'],
    ],
    [
      '6. weekly, night, Sunday and holiday presence',
      [
        '35 heures par semaine',
        'Présence de nuit non',
        'Présence le dimanche oui — deux dimanches de vendanges',
        'Présence les jours fériés non',
      ],
    ],
    ['7. supervision', ['Article 4 — Accueil et encadrement du stagiaire', 'Modalités d’encadrement', 'au plus tard à mi-parcours']],
    [
      '8. gratification and payment terms',
      ['Article 5 — Gratification', 'gratification de 4,50 € par heure de présence', 'Virement mensuel le dernier jour ouvré du mois'],
    ],
    [
      '9. social protection, work accidents, civil liability',
      ['Protection sociale et accidents du travail', 'accidents du travail', 'Responsabilité civile et assurances'],
    ],
    [
      '10. absences and leave',
      [
        'Article 10 — Absences et congés',
        'article L124-13',
        'Congés accordés 8 jour(s) de congé sur la durée du stage',
        'Modalités des congés et autorisations d’absence Deux jours de congé par mois de stage',
      ],
    ],
    ['11. suspension and termination', ['Article 11 — Suspension et résiliation']],
    ['12. validation of an interrupted internship', ['Article 12 — Validation d’un stage interrompu', 'article L124-15']],
    ['13. benefits', ['Restauration Titres-restaurant de 9 €', 'Hébergement Aucun', 'activités sociales et culturelles']],
    ['14. host internal rules', ['Règlement intérieur et discipline', 'charte de sécurité du laboratoire']],
    ['15. attestation de stage', ['attestation de stage', 'article D124-9']],
  ])('contains D124-4 item %s', (_item, expected) => {
    for (const phrase of expected) expect(text).toContain(phrase);
  });

  it('shows the parties with accented names and characters outside WinAnsi', () => {
    for (const phrase of [
      'Mme Élodie Lefèvre-Nguyễn',
      'Société Générale d’Œnologie',
      'SIRET 73282932000074',
      '7112B',
      'CPAM de la Côte-d’Or',
      'vins → protocole',
      'Mme Hélène Dupré',
    ]) {
      expect(text).toContain(phrase);
    }
  });

  it('has signature blocks for the five signatories, each with "Fait à …, le …", and says it is signed in three originals', () => {
    expect(text).toContain('Fait en trois exemplaires originaux');
    for (const role of [
      'Le ou la stagiaire',
      'Pour l’organisme d’accueil, son représentant légal',
      'Le tuteur ou la tutrice de stage',
      'L’enseignant(e) référent(e)',
      'par délégation, le doyen ou la doyenne',
    ]) {
      expect(text).toContain(role);
    }
    expect(flatten(pages).match(/Signature :/g)).toHaveLength(5);
    expect(flatten(pages).match(/Fait à …+, le …+/g)).toHaveLength(5);
    expect(text).not.toContain('représentant légal du ou de la stagiaire mineur');
  });

  it('prints every signatory with their civility in their signature block, the dean included', () => {
    const signaturePage = text.slice(text.lastIndexOf('Fait en trois exemplaires originaux'));
    for (const signatory of [
      'Le ou la stagiaire Mme Élodie Lefèvre-Nguyễn',
      'son représentant légal M. François Garçon',
      'Le tuteur ou la tutrice de stage Mme Zoé Müller',
      'référent(e) M. Jérôme Caillé',
      'le doyen ou la doyenne Mme Hélène Dupré',
    ]) {
      expect(signaturePage).toContain(signatory);
    }
  });

  it('names a minor intern’s legal representative among the parties and gives them a signature block', async () => {
    const minor = sampleConvention({
      student: { ...sampleConvention().student, birthDate: '2009-06-01' },
      legalRepresentative: {
        civility: 'M.',
        firstName: 'Thierry',
        lastName: 'Lefèvre',
        email: 'thierry.lefevre@example.fr',
        phone: '06 98 76 54 32',
        address: { street: '12 rue des Écoles', postalCode: '21000', city: 'Dijon' },
      },
    });
    const pdf = await renderConventionPdf(minor, { draft: false });
    const minorText = prose(await pdfPages(pdf, '-raw'));
    expect(minorText).toContain(
      'Son représentant légal (stagiaire mineur(e) au premier jour du stage) Nom M. Thierry Lefèvre Adresse 12 rue des Écoles, 21000 Dijon',
    );
    expect(minorText).toContain('thierry.lefevre@example.fr');
    expect(minorText).toContain('Le représentant légal du ou de la stagiaire mineur(e) M. Thierry Lefèvre');
    expect(flatten(await pdfPages(pdf)).match(/Signature :/g)).toHaveLength(6);
  });

  it('says what applies when the host gives no internal rules and no leave terms', async () => {
    const bare = prose(
      await pdfPages(
        await renderConventionPdf(sampleConvention({ hostInternalRules: undefined, leave: { daysGranted: 0 } }), { draft: false }),
        '-raw',
      ),
    );
    expect(bare).toContain('L’organisme d’accueil n’a pas indiqué de règles particulières');
    expect(bare).toContain('Congés accordés aucun jour de congé');
    expect(bare).toContain('Les congés sont pris en accord avec le tuteur ou la tutrice');
  });

  it('prints the reference, the articles version and "Page n / N" on every page', () => {
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page).toContain('CONV-2026-000042');
      expect(page).toContain('Articles types version fr-2026.2');
      expect(page).toContain(`Page ${index + 1} / ${pages.length}`);
    });
  });

  it('prints no draft marking on a final convention', () => {
    expect(text).not.toMatch(/BROUILLON/);
  });

  it('marks every page of a draft as not valid and not to be signed', async () => {
    const draft = await pdfPages(await renderConventionPdf(sampleConvention(), { draft: true }));
    expect(draft.length).toBe(pages.length);
    for (const page of draft) {
      expect(page).toContain('BROUILLON — document non valable');
      expect(page).toContain('ce document ne doit pas être signé');
    }
  });

  it('draws the diagonal watermark on draft pages only', async () => {
    // The watermark is drawn as translucent outlines; its opacity state appears only in drafts.
    const draft = (await renderConventionPdf(sampleConvention(), { draft: true })).toString('latin1');
    const final = (await renderConventionPdf(sampleConvention(), { draft: false })).toString('latin1');
    expect(draft).toMatch(/\/ca 0\.16/);
    expect(final).not.toMatch(/\/ca 0\.16/);
  });

  it('says why no gratification is due when presence is at most 308 hours', async () => {
    const data = sampleConvention();
    data.gratification = { amount: null, unit: 'month' };
    data.internship = { ...data.internship, endDate: '2027-04-09', totalHours: 210, totalDays: 30 };
    const short = prose(await pdfPages(await renderConventionPdf(data, { draft: false }), '-raw'));
    expect(short).toContain('Aucune gratification n’est due : la durée de présence effective (210 heures) ne dépasse pas 308 heures');
    expect(short).toContain('des congés et autorisations d’absence peuvent être accordés');
  });

  it('annexes a sheet on the host country’s rules, on its own last page, only for an internship abroad', async () => {
    expect(text).not.toContain('Stage à l’étranger');
    expect(text).not.toContain('Annexe — Règles du pays d’accueil');
    const data = sampleConvention();
    data.host = { ...data.host, country: 'Belgique', countryCode: 'BE' };
    const abroadPages = await pdfPages(await renderConventionPdf(data, { draft: false }), '-raw');
    expect(prose(abroadPages)).toContain('Stage à l’étranger : la protection sociale dépend du pays d’accueil');
    const annex = prose(abroadPages.slice(-1));
    for (const phrase of [
      'Annexe — Règles du pays d’accueil',
      'Fiche annexée à la convention CONV-2026-000042',
      'Pays d’accueil Belgique',
      'Organisme d’accueil Société Générale d’Œnologie, 5 quai des Célestins, 69002 Lyon',
      'Dates du stage du 01/03/2027 au 30/06/2027',
      'La convention est régie par le droit français (article 16)',
      'carte européenne d’assurance maladie',
      'À compléter par le service des stages',
      'Visa, titre de séjour, autorisation de travail',
    ]) {
      expect(annex).toContain(phrase);
    }
    expect(prose(abroadPages.slice(0, -1))).not.toContain('Annexe — Règles du pays d’accueil');
  });

  it('points a host outside Europe to a bilateral agreement or a health insurance of its own', async () => {
    const data = sampleConvention();
    data.host = { ...data.host, country: 'Canada', countryCode: 'CA' };
    const annex = prose((await pdfPages(await renderConventionPdf(data, { draft: false }), '-raw')).slice(-1));
    expect(annex).toContain('Pays hors de l’Union européenne');
    expect(annex).not.toContain('carte européenne');
  });

  it('formats monthly amounts for fr-FR', async () => {
    const data = sampleConvention({ gratification: { amount: 1234.5, unit: 'month', paymentTerms: 'Virement' } });
    const monthly = prose(await pdfPages(await renderConventionPdf(data, { draft: false }), '-raw'));
    expect(monthly).toContain('gratification de 1 234,50 € par mois');
  });

  it('prints a regular week as its days and one number of hours', () => {
    expect(text).toContain('Jours de présence lundi, mardi, mercredi, jeudi, vendredi');
    expect(text).toContain('Heures par jour 7 h par jour');
  });

  it('prints a week whose hours vary day by day, with its details', async () => {
    const data = sampleConvention();
    const schedule = [
      { day: 'lundi', hours: 7 },
      { day: 'mardi', hours: 10.5 },
      { day: 'mercredi', hours: 7 },
      { day: 'jeudi', hours: 7 },
      { day: 'samedi', hours: 4 },
    ];
    data.internship = { ...data.internship, schedule, weeklyHours: 35.5, irregularSchedule: 'le mardi de 8 h à 19 h 30' };
    const varying = prose(await pdfPages(await renderConventionPdf(data, { draft: false }), '-raw'));
    expect(varying).toContain('Heures par jour lundi 7 h, mardi 10,5 h, mercredi 7 h, jeudi 7 h, samedi 4 h');
    expect(varying).toContain('Horaires irréguliers le mardi de 8 h à 19 h 30');
    expect(varying).toContain('Durée hebdomadaire de présence 35,5 heures par semaine');
    expect(varying).not.toContain('Jours de présence');
  });
});
