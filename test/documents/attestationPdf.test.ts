import { renderAttestation } from '../../src/documents/attestationPdf';
import { effectiveDuration } from '../../src/documents/duration';
import type { AttestationData } from '../../src/documents/types';
import { pdfPages, prose } from './pdfText';

function attestation(overrides: Partial<AttestationData> = {}): AttestationData {
  return {
    reference: 'CONV-2026-000042',
    host: {
      name: 'Société Générale d’Œnologie',
      siret: '73282932000074',
      address: { street: '5 quai des Célestins', postalCode: '69002', city: 'Lyon' },
      country: 'France',
      phone: '04 78 00 00 00',
      representative: { civility: 'M.', firstName: 'François', lastName: 'Garçon', function: 'Directeur général' },
    },
    student: { civility: 'Mme', firstName: 'Élodie', lastName: 'Lefèvre-Nguyễn', birthDate: '2004-05-17' },
    university: { institutionName: 'Université de Bourgogne' },
    programme: { title: 'Master Œnologie et viticulture' },
    startDate: '2027-03-01',
    endDate: '2027-06-30',
    totalHours: 553,
    totalGratificationPaid: 2488.5,
    place: 'Lyon',
    issueDate: '2027-06-30',
    ...overrides,
  };
}

describe('attestation de stage', () => {
  it.each([
    [553, { days: 79, extraHours: 0, months: 3, extraDays: 13 }],
    [308, { days: 44, extraHours: 0, months: 2, extraDays: 0 }],
    [310.5, { days: 44, extraHours: 2.5, months: 2, extraDays: 0 }],
    [6, { days: 0, extraHours: 6, months: 0, extraDays: 0 }],
  ])('counts %p hours with 7 h = 1 day and 22 days = 1 month', (hours, expected) => {
    expect(effectiveDuration(hours)).toEqual({ hours, ...expected });
  });

  it('states host, intern, programme, dates, effective duration and total gratification', async () => {
    const text = prose(await pdfPages(await renderAttestation(attestation(), 'fr'), '-raw'));
    for (const phrase of [
      'Attestation de stage',
      'Société Générale d’Œnologie',
      '73282932000074',
      'Mme Élodie Lefèvre-Nguyễn',
      'Né(e) le 17/05/2004',
      'Master Œnologie et viticulture',
      'Université de Bourgogne',
      'a effectué un stage prévu dans le cadre de ses études',
      'du 01/03/2027 au 30/06/2027',
      '553 heures de présence effective, soit 79 jours, soit 3 mois et 13 jour(s)',
      'pour un montant total de 2 488,50 €',
      'Fait à Lyon',
      'Le 30/06/2027',
      'M. François Garçon, Directeur général',
      'Signature du représentant de l’organisme d’accueil',
      'Cachet de l’organisme',
    ]) {
      expect(text).toContain(phrase);
    }
  });

  it('leaves a line to fill when the total gratification is unknown', async () => {
    const text = prose(
      await pdfPages(
        await renderAttestation(attestation({ totalGratificationPaid: null, place: undefined, issueDate: undefined }), 'fr'),
        '-raw',
      ),
    );
    expect(text).toContain('pour un montant total de ........................ €');
    expect(text).toContain('Fait à Le Nom, fonction');
  });

  it('has an English version', async () => {
    const text = prose(await pdfPages(await renderAttestation(attestation({ totalHours: 310.5 }), 'en'), '-raw'));
    for (const phrase of [
      'Internship certificate',
      'Host organisation',
      'from 01/03/2027 to 30/06/2027',
      '310.5 hours of effective presence, i.e. 44 days and 2.5 hour(s), i.e. 2 months',
      'total amount of €2,488.50',
    ]) {
      expect(text).toContain(phrase);
    }
  });
});

describe('the signature of the attestation', () => {
  it.each([
    ['a short attestation', {}],
    [
      'an attestation whose host and intern blocks are long',
      {
        host: {
          ...attestation().host,
          name: 'Société Générale d’Œnologie et de Viticulture de Bourgogne-Franche-Comté, établissement de Beaune',
          address: {
            street: 'Bâtiment C, 3e étage, 5 quai des Célestins, zone d’activités du Port Édouard-Herriot',
            postalCode: '69002',
            city: 'Lyon',
          },
          email: 'ressources-humaines.stages@societe-generale-oenologie.example',
        },
        student: {
          ...attestation().student,
          address: {
            street: 'Résidence universitaire Montmuzard, bâtiment B, chambre 214, 2 rue du Recteur Marcel Bouchard',
            postalCode: '21000',
            city: 'Dijon',
          },
          studentNumber: '22104567',
        },
      },
    ],
  ])('stays on the same page as the duration and the total paid it certifies, for %s', async (_label, overrides) => {
    const pages = (await pdfPages(await renderAttestation(attestation(overrides), 'fr'), '-raw')).map((page) => page.replace(/\s+/g, ' '));
    const signed = pages.filter((page) => page.includes('Signature du représentant de l’organisme d’accueil'));
    expect(signed).toHaveLength(1);
    expect(signed[0]).toContain('553 heures de présence effective');
    expect(signed[0]).toContain('pour un montant total de 2 488,50 €');
    expect(signed[0]).toContain('Fait à');
  });
});
