import { useTestPstage } from '../../support/pstage';
import { draftUpToInternship, validInternship } from '../../support/studentJourney';

const pstage = useTestPstage();

/** The step's sections in page order: id, heading, help text, and the names of the fields inside. */
function sectionsOf(html: string) {
  return [...html.matchAll(/<section class="mb-4 internship-section" id="section-(\w+)"[^>]*>([\s\S]*?)<\/section>/g)].map(
    ([, id, inner]) => ({
      id,
      heading: /<h2 class="h5" id="section-\w+-title">([^<]*)<\/h2>/.exec(inner)?.[1],
      help: /<p class="form-text" id="section-\w+-help">([^<]*)<\/p>/.exec(inner)?.[1] ?? '',
      fields: [...new Set([...inner.matchAll(/\sname="(\w+)"/g)].map(([, name]) => name))],
    }),
  );
}

describe('the internship step in titled sections, with the law where it matters', () => {
  it('dates and schedule, presence, gratification, benefits: each titled, the legal figures from the thresholds table, the fields unchanged', async () => {
    const { client, base } = await draftUpToInternship(pstage);
    const html = (await client.request(`${base}/internship`)).text;
    const sections = sectionsOf(html);
    expect(sections.map(({ id, heading }) => [id, heading])).toEqual([
      ['activities', 'Missions et compétences'],
      ['dates', 'Dates et emploi du temps'],
      ['presence', 'Présence de nuit, le dimanche et les jours fériés'],
      ['gratification', 'Gratification'],
      ['benefits', 'Avantages et conditions d&#39;accueil'],
    ]);
    const byId = Object.fromEntries(sections.map((section) => [section.id, section]));
    expect(byId.activities.fields).toEqual(['internshipType', 'activities', 'skills']);
    expect(byId.dates.fields).toEqual([
      'startDate',
      'endDate',
      'interruption1Start',
      'interruption1End',
      'interruption2Start',
      'interruption2End',
      'scheduleKind',
      'workingDays',
      'hoursPerDay',
      'dayHours1',
      'dayHours2',
      'dayHours3',
      'dayHours4',
      'dayHours5',
      'dayHours6',
      'dayHours7',
      'irregularSchedule',
      'declaredTotalHours',
      'declaredTotalReason',
    ]);
    expect(byId.presence.fields).toEqual([
      'nightPresence',
      'nightDescription',
      'nightHours',
      'sundayPresence',
      'sundayDescription',
      'sundayHours',
      'holidayPresence',
      'holidayDescription',
      'holidayHours',
    ]);
    expect(byId.gratification.fields).toEqual(['gratificationAmount', 'gratificationUnit', 'paymentTerms']);
    expect(byId.benefits.fields).toEqual(['benefitMeals', 'benefitLodging', 'benefitTravel', 'place', 'confidentiality']);
    // Every field keeps its id, the one its label and the error summary point to.
    for (const name of ['startDate', 'gratificationAmount', 'benefitMeals', 'nightHours'])
      expect(html).toContain(`id="${name}" name="${name}"`);

    expect(byId.dates.help).toContain(
      'au plus 10 heures par jour et 48 heures par semaine, 44 heures par semaine en moyenne sur 12 semaines',
    );
    expect(byId.dates.help).toContain('pour un stagiaire mineur, 8 heures par jour et 35 heures par semaine');
    expect(byId.dates.help).toContain('au plus 924 heures (6 mois) par année universitaire');
    expect(byId.presence.help).toContain('ses heures comptent dans la durée du stage');
    expect(byId.gratification.help).toContain('Obligatoire au-delà de 2 mois (308 heures de présence)');
    expect(byId.gratification.help).toContain('15 % du plafond horaire de la sécurité sociale');
    expect(byId.benefits.help).toContain('restauration, hébergement, remboursement des frais');
  });

  it('the gratification help gives the minimum of the internship’s year once its start is known', async () => {
    const { client, base } = await draftUpToInternship(pstage);
    const saved = await client.submit(`${base}/internship`, { ...validInternship, startDate: '2026-03-02', endDate: '2026-04-24' });
    expect(saved.status).toBe(303);
    const help = sectionsOf((await client.request(`${base}/internship`)).text).find(({ id }) => id === 'gratification')!.help;
    expect(help).toContain('Montant minimal en 2026 : 4,50\u00a0€ par heure de présence');
  });
});
