import { eq } from 'drizzle-orm';
import { addDays } from '../../../src/domain/calendarDate';
import { publicHolidays } from '../../../src/domain/holidays';
import { conventions, organisations } from '../../../src/models/schema';
import { mergeOrganisations } from '../../../src/services/office/admin/organisations';
import { cancelConvention } from '../../../src/services/student/conventionWorkflow';
import { nextYear, testClock } from '../../support/clock';
import { useTestPstage } from '../../support/pstage';
import { fillConventionAsStudent, submitConventionAsStudent, validOrganisation } from '../../support/studentJourney';
import { launchOffice, reload, validateAsOffice } from '../office/officeJourney';

const pstage = useTestPstage();

/** Six weeks in March–April and six weeks in May–June of next year: each under 308 h, together over it. */
const spring = { startDate: `${nextYear}-03-01`, endDate: `${nextYear}-04-09`, gratificationAmount: '' };
const earlySummer = { startDate: `${nextYear}-05-03`, endDate: `${nextYear}-06-11`, gratificationAmount: '' };
const otherEstablishmentSameSiren = '73282932000009';

const escaped = (text: string) => text.replace(/'/g, '&#39;');

async function recapOf(filled: { client: { request(path: string): Promise<{ text: string }> }; base: string }) {
  return (await filled.client.request(`${filled.base}/recap`)).text;
}

async function cancelAsStudent(conventionId: number) {
  const { version, studentUserId } = await reload(pstage, conventionId);
  const context = { db: pstage.database.db, officeEmail: 'stages@localhost' };
  await cancelConvention(context, studentUserId, conventionId, version, null, testClock);
}

async function stateOf(conventionId: number) {
  return (await reload(pstage, conventionId)).state;
}

describe('the cumulation at the same host, through the wizard', () => {
  it('adds a convention at another establishment of the same company (same SIREN): the gratification becomes mandatory', async () => {
    const first = await submitConventionAsStudent(pstage, { internship: spring });
    expect(first.convention.computedTotalHours).toBeLessThanOrEqual(308);
    const second = await fillConventionAsStudent(pstage, { siret: otherEstablishmentSameSiren, internship: earlySummer });
    const recap = await recapOf(second);
    expect(recap).toContain('Gratification obligatoire au-delà de 308 h');
    expect(recap).not.toContain('>Créer<');
    await second.client.submit(`${second.base}/recap`, {});
    expect(await stateOf(second.conventionId)).toBe('draft');
  });

  it('does not add a convention at another company (another SIREN)', async () => {
    await submitConventionAsStudent(pstage, { internship: spring });
    const other = await submitConventionAsStudent(pstage, { siret: '55210055400013', internship: earlySummer });
    expect(other.convention.state).toBe('submitted');
  });

  it('counts the computed total: a lower declared total with its reason cannot lower the gratification error', async () => {
    const filled = await fillConventionAsStudent(pstage, {
      internship: { gratificationAmount: '', declaredTotalHours: '300', declaredTotalReason: 'Temps partiel le vendredi' },
    });
    const stored = await reload(pstage, filled.conventionId);
    expect(stored.computedTotalHours).toBeGreaterThan(308);
    expect(stored.declaredTotalReason).toBe('Temps partiel le vendredi');
    const recap = await recapOf(filled);
    expect(recap).toContain('Gratification obligatoire au-delà de 308 h');
    expect(recap).toContain('Motif indiqué : Temps partiel le vendredi');
    await filled.client.submit(`${filled.base}/recap`, {});
    expect(await stateOf(filled.conventionId)).toBe('draft');
  });

  it('makes the gratification due over two academic years when a convention continues another without a break', async () => {
    const fourDays = { workingDays: ['1', '2', '3', '4'], gratificationAmount: '' };
    const summer = await submitConventionAsStudent(pstage, {
      internship: { ...fourDays, startDate: `${nextYear}-07-01`, endDate: `${nextYear}-08-31` },
    });
    expect(summer.convention.academicYear).toBe(`${nextYear - 1}-${nextYear}`);
    const autumn = await fillConventionAsStudent(pstage, {
      internship: { ...fourDays, startDate: `${nextYear}-09-01`, endDate: `${nextYear}-10-16` },
    });
    // The student picked the year before on step 1: the dates decide.
    expect((await reload(pstage, autumn.conventionId)).academicYear).toBe(`${nextYear}-${nextYear + 1}`);
    expect(await recapOf(autumn)).toContain('2 mois consécutifs');
    await cancelAsStudent(autumn.conventionId);
    const afterABreak = await submitConventionAsStudent(pstage, {
      internship: { ...fourDays, startDate: `${nextYear}-09-08`, endDate: `${nextYear}-10-16` },
    });
    expect(afterABreak.convention.state).toBe('submitted');
  });
});

describe('the re-check of earlier conventions, for the office', () => {
  it('flags a validated convention when a later one at the same company crosses 308 h, with the reason, until that one is cancelled', async () => {
    const first = await submitConventionAsStudent(pstage, { internship: spring });
    await validateAsOffice(pstage, first.convention.id);
    const later = await submitConventionAsStudent(pstage, {
      siret: '73282932000074',
      internship: { ...earlySummer, gratificationAmount: '4,50' },
    });
    const { client } = await launchOffice(pstage);
    const queue = (await client.request('/office/conventions')).text;
    const row = queue.slice(queue.indexOf(`id="convention-${first.convention.id}"`)).split('</tr>')[0];
    expect(row).toContain('Gratification due dès le premier jour');
    expect(row).toContain(later.convention.reference!);
    const laterRow = queue.slice(queue.indexOf(`id="convention-${later.convention.id}"`)).split('</tr>')[0];
    expect(laterRow).not.toContain('Gratification due dès le premier jour');
    const file = (await client.request(`/office/conventions/${first.convention.id}`)).text;
    expect(file).toContain('id="cumulation"');
    expect(file).toContain(escaped(`Avec la ou les conventions suivantes (${later.convention.reference})`));
    expect(file).toContain('la gratification est due dès le premier jour de cette convention');

    await cancelAsStudent(later.convention.id);
    expect((await client.request(`/office/conventions/${first.convention.id}`)).text).not.toContain('id="cumulation"');
  });
});

describe('a host abroad without SIRET', () => {
  const berlin = { country: 'DE', siret: '', postalCode: '10115', city: 'Berlin' };

  it('is its record: two records count apart until the office merges them, then the earlier convention is flagged', async () => {
    const first = await submitConventionAsStudent(pstage, { organisation: berlin, internship: spring });
    const later = await submitConventionAsStudent(pstage, {
      organisation: berlin,
      internship: { ...earlySummer, gratificationAmount: '4,50' },
    });
    expect(later.convention.organisationId).not.toBe(first.convention.organisationId);
    const { client, officeUserId } = await launchOffice(pstage);
    const fileOfFirst = async () => (await client.request(`/office/conventions/${first.convention.id}`)).text;
    expect(await fileOfFirst()).not.toContain('id="cumulation"');

    const [survivor, duplicate] = await Promise.all(
      [first.convention.organisationId!, later.convention.organisationId!].map(async (id) => {
        const [row] = await pstage.database.db.select().from(organisations).where(eq(organisations.id, id));
        return row;
      }),
    );
    await mergeOrganisations(pstage.database.db, officeUserId, {
      survivorId: survivor.id,
      survivorVersion: survivor.version,
      duplicateId: duplicate.id,
      duplicateVersion: duplicate.version,
    });
    expect(await fileOfFirst()).toContain(escaped(`Avec la ou les conventions suivantes (${later.convention.reference})`));
  });
});

describe("the host's calendar", () => {
  const goodFriday = publicHolidays({ country: 'FR', region: '67' }, nextYear).find((holiday) => holiday.name === 'Vendredi saint')!.date;
  const holyWeek = { startDate: addDays(goodFriday, -4), endDate: goodFriday, gratificationAmount: '' };

  it.each([
    ['in Lyon', 35, { postalCode: '69001', city: 'Lyon' }],
    ['in Strasbourg (Good Friday)', 28, { postalCode: '67000', city: 'Strasbourg' }],
    ['in Berlin (Karfreitag)', 28, { country: 'DE', siret: '', postalCode: '10115', city: 'Berlin' }],
  ])('counts the week before Easter %s as %i h', async (_label, hours, organisation) => {
    const filled = await fillConventionAsStudent(pstage, { organisation, internship: holyWeek });
    const [row] = await pstage.database.db.select().from(conventions).where(eq(conventions.id, filled.conventionId));
    expect(row.computedTotalHours).toBe(hours);
  });

  it("counts the internship again on the new host's holidays when the student changes the host afterwards", async () => {
    const filled = await fillConventionAsStudent(pstage, { internship: holyWeek });
    expect((await reload(pstage, filled.conventionId)).computedTotalHours).toBe(35);
    // Another establishment (another SIRET): the Lyon one's SIRET would take its record again.
    const strasbourg = { ...validOrganisation, siret: '55210055400013', postalCode: '67000', city: 'Strasbourg' };
    const posted = await filled.client.submit(`${filled.base}/organisation`, strasbourg, `${filled.base}/organisation/create`);
    expect(posted.status).toBe(303);
    expect((await reload(pstage, filled.conventionId)).computedTotalHours).toBe(28);
  });
});
