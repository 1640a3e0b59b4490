import { renderFicheDeLiaison } from '../../src/documents/ficheDeLiaisonPdf';
import { pdfPages, prose } from './pdfText';

describe('fiche de liaison PDF', () => {
  it('lists every question the convention wizard asks the host, with lines to fill', async () => {
    const pages = await pdfPages(await renderFicheDeLiaison({}, 'fr'), '-raw');
    const text = prose(pages);
    for (const label of [
      'Raison sociale',
      'SIRET',
      'Code NAF / APE',
      'Statut juridique',
      'Effectif (tranche)',
      '☐ 250-4999',
      '☐ public',
      '☐ privé',
      'Adresse',
      'Pays',
      'Téléphone',
      'Courriel',
      'Site web',
      'Nom du service',
      'Adresse du service',
      'Tuteur ou tutrice de stage dans l’organisme',
      'Civilité',
      'Nom et prénom',
      'Fonction',
      'Signataire de la convention (représentant légal)',
      'Date de début',
      'Date de fin',
      'Interruptions prévues',
      'Jours et horaires de présence dans la semaine',
      'Heures par jour',
      'Durée hebdomadaire',
      'Présence de nuit',
      'Présence le dimanche',
      'Présence les jours fériés',
      'Activités confiées',
      'Compétences à acquérir ou à développer',
      'Montant de la gratification',
      '☐ par heure',
      '☐ par mois',
      'Modalités de versement',
      'Avantages (restauration, hébergement, transport)',
      'Signature et cachet',
    ]) {
      expect(text).toContain(label);
    }
    expect(text).not.toContain('☒');
  });

  it('prints prefilled values and ticks the known choices', async () => {
    const pdf = await renderFicheDeLiaison(
      {
        studentName: 'Élodie Lefèvre-Nguyễn',
        hostName: 'Société Générale d’Œnologie',
        siret: '73282932000074',
        sector: 'private',
        headcountBand: '50-249',
        tutorCivility: 'Mme',
        startDate: '2027-03-01',
        gratificationAmount: 4.5,
        gratificationUnit: 'hour',
        activities: 'Dégustations ; écart ≤ 0,5 point → rapport',
      },
      'fr',
    );
    const layout = await pdfPages(pdf);
    const text = prose(await pdfPages(pdf, '-raw'));
    for (const phrase of [
      'Raison sociale Société Générale d’Œnologie',
      'SIRET (14 chiffres) 73282932000074',
      '☒ 50-249',
      '☒ privé',
      '☐ public',
      '☒ Mme',
      '☐ M.',
      'Date de début 01/03/2027',
      'Montant de la gratification 4,50 €',
      'Congés, absences et règlement intérieur',
      'Jours de congé accordés sur la durée du stage',
      'Modalités des congés et autorisations d’absence',
      '☒ par heure',
      'écart ≤ 0,5 point → rapport',
    ]) {
      expect(text).toContain(phrase);
    }
    layout.forEach((page, index) => {
      expect(page).toContain('Élodie Lefèvre-Nguyễn');
      expect(page).toContain(`Page ${index + 1} / ${layout.length}`);
    });
  });

  it('has an English version', async () => {
    const text = prose(await pdfPages(await renderFicheDeLiaison({ sector: 'public' }, 'en'), '-raw'));
    for (const label of [
      'Liaison form — host organisation',
      'Company name',
      'Headcount (band)',
      '☒ public',
      'Host tutor',
      'Signatory of the agreement',
      'Night presence',
      'Payment terms',
    ]) {
      expect(text).toContain(label);
    }
  });
});
