import { pdfPages, prose } from '../../documents/pdfText';
import type { BrowserlessClient } from '../../support/browserlessClient';
import { useTestPstage } from '../../support/pstage';
import { draftUpToInternship, nextYear, proposeSubject, validInternship } from '../../support/studentJourney';

const pstage = useTestPstage();

async function ficheText(client: BrowserlessClient) {
  const fiche = await client.download('/student/fiche-de-liaison.pdf');
  expect(fiche.status).toBe(200);
  return prose(await pdfPages(fiche.bytes, '-raw'));
}

describe('the fiche de liaison is prefilled with what Pstage already knows, as it says', () => {
  it('from the subject proposed: its title, the host named, the approximate dates, the activities, the student', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    await proposeSubject(pstage, client, { title: 'Analyse de logs applicatifs', hostName: 'Banque du Rhône' });
    const text = await ficheText(client);
    expect(text).toContain('Les rubriques déjà connues sont préremplies');
    for (const phrase of [
      'Nom de l’étudiant(e) Camille Martin',
      'Formation M1 Informatique',
      'Sujet du stage Analyse de logs applicatifs',
      'Raison sociale Banque du Rhône',
      `Date de début 02/03/${nextYear}`,
      `Date de fin 26/06/${nextYear}`,
      'Activités confiées Détection d’anomalies dans les journaux',
    ])
      expect(text).toContain(phrase);
  });

  it('from the convention in progress: the host chosen (SIRET, address), its service and tutor, the internship as typed', async () => {
    const { client, base } = await draftUpToInternship(pstage);
    const internship = await client.submit(`${base}/internship`, { ...validInternship, startDate: `${nextYear}-04-06` });
    expect(internship.status).toBe(303);
    const text = await ficheText(client);
    for (const phrase of [
      'Sujet du stage Analyse de logs',
      'Raison sociale Société Générale Informatique',
      'SIRET (14 chiffres) 73282932000074',
      '☒ 50-249',
      '☒ privé',
      'Adresse 2 avenue de la Gare, 69001 LYON',
      'Pays France',
      'Nom du service Direction informatique',
      '☒ M.',
      'Nom et prénom Paul Durand',
      'Fonction Chef de projet',
      // The convention's dates win over the subject's approximate ones.
      `Date de début 06/04/${nextYear}`,
      'Durée hebdomadaire 35 h',
      'Activités confiées Développer un outil de suivi',
      'Compétences à acquérir ou à développer TypeScript, PostgreSQL',
      'Montant de la gratification 4,50 €',
      '☒ par heure',
    ])
      expect(text).toContain(phrase);
    expect(text).not.toContain(`Date de début 02/03/${nextYear}`);
  });

  it('in English for an English-speaking student, with the host chosen', async () => {
    const { client } = await draftUpToInternship(pstage, { persona: 'elodie-lefevre' });
    const text = await ficheText(client);
    expect(text).toContain('Company name Société Générale Informatique');
    expect(text).toContain('SIRET (14 digits) 73282932000074');
    expect(text).toContain('Internship subject Analyse de logs');
  });
});
