import { eq } from 'drizzle-orm';
import { conventions, organisations, programmes } from '../../../../src/models/schema';
import { useTestPstage } from '../../../support/pstage';
import { submitConventionAsStudent } from '../../../support/studentJourney';
import { academicYearBounds } from '../../../../src/domain/academicYear';
import { addDays } from '../../../../src/domain/calendarDate';
import { createHost, insertConvention, launchOffice } from './support';
import { validateAsOffice } from '../../../services/office/officeJourney';

const pstage = useTestPstage();

function cell(html: string, tableId: string, label: string): string | undefined {
  const table = new RegExp(`<table[^>]*id="${tableId}"[\\s\\S]*?</table>`).exec(html)?.[0] ?? '';
  return new RegExp(`<th scope="row">${label}</th><td class="text-end">([^<]*)</td>`).exec(table)?.[1];
}

describe('the statistics of a year', () => {
  it('counts by state, programme, country and headcount band, and averages gratification and duration on a known data set', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    const year = convention.academicYear;
    const db = pstage.database.db;
    const abroad = await createHost(pstage, { name: 'Forschung GmbH', siret: null, country: 'DE', city: 'Berlin', headcountBand: null });
    await db
      .update(conventions)
      .set({ gratificationAmount: 4.5, gratificationUnit: 'hour', computedTotalHours: 560, startDate: '2027-03-01', endDate: '2027-04-25' })
      .where(eq(conventions.id, convention.id));
    const [base] = await db.select().from(conventions).where(eq(conventions.id, convention.id));
    await insertConvention(pstage, base, {
      state: 'validated',
      organisationId: abroad.id,
      gratificationAmount: 700,
      gratificationUnit: 'month',
      weeklySchedule: [7, 7, 7, 7, 7, 0, 0],
      computedTotalHours: 280,
      startDate: '2027-01-04',
      endDate: '2027-01-31',
    });
    await insertConvention(pstage, base, { state: 'cancelled', gratificationAmount: 10 });
    await insertConvention(pstage, base, {
      state: 'complete',
      gratificationAmount: null,
      computedTotalHours: 140,
      startDate: '2027-02-01',
      endDate: '2027-02-14',
    });
    await insertConvention(pstage, base, { state: 'draft' });
    await insertConvention(pstage, base, { state: 'complete', academicYear: '2024-2025' });

    const { client } = await launchOffice(pstage);
    const page = await client.request(`/office/statistics?year=${year}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<h1>Statistiques ${year}</h1>`);
    expect(cell(page.text, 'summary', 'Conventions \\(hors brouillons\\)')).toBe('4');
    expect(cell(page.text, 'summary', 'Conventions non annulées')).toBe('3');
    expect(cell(page.text, 'summary', 'Stages gratifiés')).toBe('2');
    expect(cell(page.text, 'summary', 'Stages non gratifiés')).toBe('1');
    // (4.50 + 700 / (7 h × 22 days)) / 2 = 4.52
    expect(cell(page.text, 'summary', 'Gratification horaire moyenne \\(stages gratifiés\\)')).toBe('4,52\u00a0€');
    expect(cell(page.text, 'summary', 'Durée moyenne \\(heures\\)')).toBe('326,7');
    expect(cell(page.text, 'summary', 'Durée moyenne \\(semaines\\)')).toBe('4,7');
    expect(cell(page.text, 'by-state', 'À contrôler')).toBe('1');
    expect(cell(page.text, 'by-state', 'Validée, en attente des signatures')).toBe('1');
    expect(cell(page.text, 'by-state', 'Annulée')).toBe('1');
    expect(cell(page.text, 'by-state', 'Complète')).toBe('1');
    expect(cell(page.text, 'by-programme', 'M1 Informatique')).toBe('3');
    expect(cell(page.text, 'by-country', 'FR')).toBe('2');
    expect(cell(page.text, 'by-country', 'DE')).toBe('1');
    expect(cell(page.text, 'by-headcount', '50-249')).toBe('2');
    expect(cell(page.text, 'by-headcount', 'Non renseigné')).toBe('1');
    expect(page.text).toContain('<h2 class="h5" id="by-state-heading">Conventions par état</h2>');
    expect(page.text).toContain('<option value="2024-2025">2024-2025</option>');

    const older = await client.request('/office/statistics?year=2024-2025');
    expect(cell(older.text, 'summary', 'Conventions \\(hors brouillons\\)')).toBe('1');
  });

  it('shows the current academic year when none or a malformed one is asked', async () => {
    const { client } = await launchOffice(pstage);
    const page = await client.request('/office/statistics?year=<script>');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<h1>Statistiques \d{4}-\d{4}<\/h1>/);
    expect(page.text).toContain('Aucune convention.');
  });

  it('draws each count as an accessible SVG bar chart beside its table: months of the year, gratification bands, one programme', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    const year = convention.academicYear;
    const first = academicYearBounds(year).start;
    const db = pstage.database.db;
    const [base] = await db.select().from(conventions).where(eq(conventions.id, convention.id));
    // The first and the fourth month of the year twice, the second once; hourly amounts against the minimum of their start year.
    await db
      .update(conventions)
      .set({ gratificationAmount: null, startDate: addDays(first, 3), endDate: addDays(first, 40) })
      .where(eq(conventions.id, convention.id));
    await insertConvention(pstage, base, {
      state: 'validated',
      gratificationAmount: 4.5,
      gratificationUnit: 'hour',
      startDate: addDays(first, 10),
    });
    await insertConvention(pstage, base, {
      state: 'complete',
      gratificationAmount: 9.5,
      gratificationUnit: 'hour',
      startDate: addDays(first, 95),
    });
    const [other] = await db.select().from(programmes).where(eq(programmes.title, 'M1 Informatique'));
    const [chemistry] = await db
      .insert(programmes)
      .values({ ...other, id: undefined, contextId: 'chemistry-stats', title: 'L3 Chimie (statistiques)' })
      .returning();
    await insertConvention(pstage, base, {
      state: 'complete',
      programmeId: chemistry.id,
      gratificationAmount: 4,
      gratificationUnit: 'hour',
      startDate: addDays(first, 40),
    });

    const { client } = await launchOffice(pstage);
    const page = await client.request(`/office/statistics?year=${year}`);
    const chart = (id: string) => new RegExp(`<svg id="${id}-chart"[\\s\\S]*?</svg>`).exec(page.text)?.[0] ?? '';
    const months = chart('by-month');
    expect(months).toMatch(/role="img" aria-labelledby="by-month-chart-title by-month-chart-desc"/);
    expect(months).toContain('<title id="by-month-chart-title">Conventions par mois de début du stage</title>');
    // Every month of the academic year has its row, zero included; the longest bar is the first month's.
    expect(months.match(/<g>/g)).toHaveLength(12);
    const firstMonth = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${first}T00:00:00Z`),
    );
    expect(months).toContain(`${firstMonth} : 2 ;`);
    expect(months).toMatch(/<rect x="0" y="\d+" width="576" height="14"/);
    expect(months).toMatch(/<rect x="0" y="\d+" width="288" height="14"/);
    expect(cell(page.text, 'by-month', firstMonth)).toBe('2');
    const bands = chart('by-gratification');
    expect(bands).toContain('Non gratifié : 1 ; Sous le minimum légal : 1 ; Au minimum légal (jusqu&#39;à +5 %) : 1 ;');
    expect(bands).toContain('Plus de 1,5 fois le minimum : 1');
    expect(cell(page.text, 'by-gratification', 'Sous le minimum légal')).toBe('1');
    expect(page.text).toContain('<table class="table table-sm w-auto" id="by-gratification">');

    const one = await client.request(`/office/statistics?year=${year}&programme=${chemistry.id}`);
    expect(one.text).toContain(`<h1>Statistiques ${year} — L3 Chimie (statistiques)</h1>`);
    expect(one.text).toContain(`<option value="${chemistry.id}" selected>L3 Chimie (statistiques)</option>`);
    expect(cell(one.text, 'summary', 'Conventions \\(hors brouillons\\)')).toBe('1');
    expect(cell(one.text, 'by-gratification', 'Sous le minimum légal')).toBe('1');
    // A programme that does not exist, or is not a number, is every programme.
    for (const asked of ['999999', 'abc', '-1']) {
      const all = await client.request(`/office/statistics?year=${year}&programme=${asked}`);
      expect(all.status).toBe(200);
      expect(cell(all.text, 'summary', 'Conventions \\(hors brouillons\\)')).toBe('4');
    }
  });

  it('follows the office’s work: a page opened again after a validation or a host moved abroad shows the new figures', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    const year = convention.academicYear;
    const { client } = await launchOffice(pstage);
    const open = () => client.request(`/office/statistics?year=${year}`);
    // Opened twice: the second is served from the figures kept the first time.
    for (const page of [await open(), await open()]) {
      expect(cell(page.text, 'by-state', 'À contrôler')).toBe('1');
      expect(cell(page.text, 'by-country', 'FR')).toBe('1');
    }

    await validateAsOffice(pstage, convention.id);
    const validated = await open();
    expect(cell(validated.text, 'by-state', 'À contrôler')).toBeUndefined();
    expect(cell(validated.text, 'by-state', 'Validée, en attente des signatures')).toBe('1');

    await pstage.database.db.update(organisations).set({ country: 'BE' }).where(eq(organisations.id, convention.organisationId!));
    const moved = await open();
    expect(cell(moved.text, 'by-country', 'FR')).toBeUndefined();
    expect(cell(moved.text, 'by-country', 'BE')).toBe('1');
  });
});
