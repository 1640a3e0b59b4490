import { eq } from 'drizzle-orm';
import { conventions, organisations } from '../../../../src/models/schema';
import { returnConvention } from '../../../../src/services/office/returnConvention';
import { addDays } from '../../../../src/domain/calendarDate';
import { testClock, today } from '../../../support/clock';
import { useTestPstage } from '../../../support/pstage';
import { submitConventionAsStudent } from '../../../support/studentJourney';
import { launchOffice } from '../../../services/office/officeJourney';

const pstage = useTestPstage();

const inDays = (days: number) => addDays(today, days);
const rowOf = (html: string, id: number) =>
  /<tr id="convention-(\d+)">[\s\S]*?<\/tr>/g.exec(html.slice(html.indexOf(`<tr id="convention-${id}">`)))?.[0] ?? '';

describe('the control queue', () => {
  it('shows what blocks each submitted convention before it is opened', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    const { client } = await launchOffice(pstage);
    const page = await client.request('/office/conventions');
    expect(page.status).toBe(200);
    const row = rowOf(page.text, convention.id);
    expect(row).toContain(convention.reference!);
    expect(row).toContain('Camille Martin');
    expect(row).toContain('SIRET 73282932000074');
    expect(row).toContain('Sujet non validé');
    // The student chose a referent: with none assigned by the programme head, that choice is the convention's.
    expect(row).not.toContain('Pas d&#39;enseignant référent désigné');
    expect(row).toContain('Organisme non validé');
    expect(row).toContain('Bloquant :');
    expect(row).not.toContain('erreur légale');
  });

  it('counts legal errors and warnings from the stored findings, and says when nothing blocks', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    const { client } = await launchOffice(pstage);
    await pstage.database.db
      .update(conventions)
      .set({
        legalFindings: [
          { code: 'legal.hostYearCapExceeded', severity: 'E', params: {}, overridable: true },
          { code: 'legal.totalHoursMismatch', severity: 'W', params: {}, overridable: true },
          { code: 'legal.abroadAnnex', severity: 'W', params: {}, overridable: true },
        ],
      })
      .where(eq(conventions.id, convention.id));
    let row = rowOf((await client.request('/office/conventions')).text, convention.id);
    expect(row).toContain('1 erreur légale');
    expect(row).toContain('2 avertissements légaux');
    expect(row).toContain('À vérifier :');
    await pstage.database.db.update(conventions).set({ legalFindings: [] }).where(eq(conventions.id, convention.id));
    await pstage.database.db.execute(`update subjects set state = 'validated', academic_tutor_id = ${convention.academicTutorId}` as never);
    await pstage.database.db.update(organisations).set({ validated: true });
    row = rowOf((await client.request('/office/conventions')).text, convention.id);
    expect(row).toContain('Rien : prête à valider');
  });

  it('filters by state, search (student, SIRET, host name) and start dates, keeping the values in the form', async () => {
    const first = await submitConventionAsStudent(pstage);
    const second = await submitConventionAsStudent(pstage, {
      persona: 'elodie-lefevre',
      organisationName: 'Boulangerie Dupain',
      siret: '44321098700014',
    });
    const { client, officeUserId } = await launchOffice(pstage);
    await returnConvention(
      pstage.database.db,
      { officeUserId, conventionId: second.convention.id, version: second.convention.version, reason: 'À revoir' },
      testClock,
    );
    const ids = (html: string) => [...html.matchAll(/<tr id="convention-(\d+)">/g)].map((match) => Number(match[1]));

    expect(ids((await client.request('/office/conventions?state=submitted')).text)).toEqual([first.convention.id]);
    const returned = await client.request('/office/conventions?state=returned');
    expect(ids(returned.text)).toEqual([second.convention.id]);
    expect(returned.text).toContain('<option value="returned" selected>');
    const dashboard = (await client.request('/office')).text;
    expect(dashboard).toMatch(/id="count-returned">[\s\S]*?href="\/office\/conventions\?state=returned">1 — voir la liste/);
    expect(dashboard).toMatch(/id="count-submitted">[\s\S]*?1 — voir la liste/);
    expect(ids((await client.request('/office/conventions?q=732+829+320+00074')).text)).toEqual([first.convention.id]);
    expect(ids((await client.request('/office/conventions?q=dupain')).text)).toEqual([second.convention.id]);
    const byName = await client.request('/office/conventions?q=LEFEVRE');
    expect(ids(byName.text)).toEqual([second.convention.id]);
    expect(byName.text).toContain('name="q" value="LEFEVRE"');
    expect(ids((await client.request('/office/conventions?q=21901234')).text)).toEqual([first.convention.id]);
    expect(
      ids(
        (await client.request(`/office/conventions?startFrom=${first.convention.startDate}&startTo=${first.convention.startDate}`)).text,
      ).sort(),
    ).toEqual([first.convention.id, second.convention.id].sort());
    expect(ids((await client.request(`/office/conventions?startTo=2000-01-01`)).text)).toEqual([]);
    const badDate = await client.request('/office/conventions?startFrom=31/12/2026');
    expect(badDate.status).toBe(200);
    expect(badDate.text).toMatch(/id="startFrom-error">Indiquez une date valide/);
    expect(badDate.text).toContain('aria-describedby="startFrom-error"');
    const organisationId = first.convention.organisationId!;
    expect(ids((await client.request(`/office/conventions?organisationId=${organisationId}&country=FR`)).text)).toEqual([
      first.convention.id,
    ]);
    expect(
      ids(
        (
          await client.request(
            `/office/conventions?programmeId=${first.convention.programmeId}&academicYear=${first.convention.academicYear}`,
          )
        ).text,
      ).length,
    ).toBe(2);
  });

  it('sorts by start date and paginates by 25, keeping the filters in the page links', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    const { client } = await launchOffice(pstage);
    const { id: _id, reference: _reference, createdAt: _createdAt, updatedAt: _updatedAt, ...copy } = convention;
    for (let index = 0; index < 26; index += 1) {
      await pstage.database.db.insert(conventions).values({ ...copy, startDate: inDays(100 + index) });
    }
    const first = await client.request('/office/conventions?state=submitted');
    expect(first.text).toContain('27 conventions');
    expect(first.text).toContain('Page 1 sur 2');
    expect(first.text).toContain('href="/office/conventions?state=submitted&amp;page=2"');
    const dates = [...first.text.matchAll(/du (\d\d)\/(\d\d)\/(\d{4}) au/g)].map((match) => `${match[3]}-${match[2]}-${match[1]}`);
    expect(dates).toEqual([...dates].sort());
    const second = await client.request('/office/conventions?state=submitted&page=2');
    expect([...second.text.matchAll(/<tr id="convention-/g)]).toHaveLength(2);
  });
});

describe('the dashboard', () => {
  it('counts by state with links to the lists, and flags in words the conventions that start soon or have started without being complete', async () => {
    const soon = await submitConventionAsStudent(pstage);
    const started = await submitConventionAsStudent(pstage, { persona: 'elodie-lefevre' });
    const { client } = await launchOffice(pstage);
    await pstage.database.db
      .update(conventions)
      .set({ startDate: inDays(5) })
      .where(eq(conventions.id, soon.convention.id));
    await pstage.database.db
      .update(conventions)
      .set({ startDate: inDays(-3) })
      .where(eq(conventions.id, started.convention.id));
    const page = await client.request('/office');
    expect(page.text).toMatch(/id="count-submitted">[\s\S]*?href="\/office\/conventions\?state=submitted">2 — voir la liste/);
    expect(page.text).toMatch(/id="count-complete">[\s\S]*?0 — voir la liste/);
    const flagged = page.text.slice(page.text.indexOf('id="starting-soon"'), page.text.indexOf('id="counts-title"'));
    expect(flagged).toContain(`href="/office/conventions/${soon.convention.id}"`);
    expect(flagged).toContain(`Stage commencé le `);
    expect(flagged).toContain('Commence le ');
    expect(flagged.indexOf(started.convention.reference!)).toBeLessThan(flagged.indexOf(soon.convention.reference!));
    const list = await client.request('/office/conventions');
    expect(rowOf(list.text, started.convention.id)).toContain('Stage commencé le ');
    expect(rowOf(list.text, soon.convention.id)).toContain('Commence le ');
    const narrower = await client.request('/office?within=2');
    const narrowFlagged = narrower.text.slice(narrower.text.indexOf('id="starting-soon"'), narrower.text.indexOf('id="counts-title"'));
    expect(narrowFlagged).not.toContain(soon.convention.reference!);
    expect(narrowFlagged).toContain(started.convention.reference!);
    expect(narrower.text).toContain('name="within" value="2"');
  });
});
