import { eq, sql } from 'drizzle-orm';
import { organisations } from '../../../../src/models/schema';
import { missingAnchors, summaryItems } from '../../../support/errorSummary';
import { useTestPstage } from '../../../support/pstage';
import { createHost, launchOffice } from './support';

const pstage = useTestPstage();

describe("the office's own forms show every error at once, in form order, named by the field's own label", () => {
  it('a host edited with a bad SIRET, no headcount, a wrong postcode and a bad e-mail: four errors in one pass, nothing saved', async () => {
    const host = await createHost(pstage);
    const { client } = await launchOffice(pstage);
    const edit = `/office/organisations/${host.id}/edit`;
    const form = (await client.request(edit)).text;
    expect(form).toMatch(/<select class="form-select" id="country" name="country"/);
    expect(form).toContain('<option value="FR" selected>France</option>');
    const fields = {
      name: 'Atelier Numérique Lyon',
      country: 'FR',
      siret: '73282932000075',
      sector: 'private',
      street: '3 rue Basse',
      postalCode: '6900',
      city: 'Lyon',
      email: 'pas-un-courriel',
    };
    expect((await client.submit(edit, fields)).location).toBe(edit);
    let items = summaryItems((await client.request(edit)).text);
    expect(items.map((item) => item.split(' ')[0])).toEqual(['siret', 'headcountBand', 'postalCode', 'email']);
    expect(items[0]).toMatch(/^siret SIRET : /);
    expect(items[1]).toMatch(/^headcountBand Effectif : /);
    expect(items[2]).toMatch(/^postalCode Code postal : /);
    const [unchanged] = await pstage.database.db.select().from(organisations).where(eq(organisations.id, host.id));
    expect(unchanged.name).toBe('Atelier Numérique');

    await pstage.database.db.execute(sql`update sessions set data = jsonb_set(data, '{locale}', '"en"')`);
    await client.submit(edit, fields);
    items = summaryItems((await client.request(edit)).text);
    expect(items[0]).toMatch(/^siret SIRET: /);
    expect(items[2]).toMatch(/^postalCode Postcode: /);
  });

  it('granting the office role with no one chosen and no reason names both fields', async () => {
    const { client } = await launchOffice(pstage);
    const posted = await client.submit('/office/staff?q=stages', { q: 'stages', reason: ' ' }, '/office/staff/grant');
    expect(posted.location).toBe('/office/staff?q=stages#grant');
    const items = summaryItems((await client.request('/office/staff?q=stages')).text);
    expect(items.map((item) => item.split(' ')[0])).toEqual(['userId', 'reason']);
    expect(items[1]).toMatch(/^reason Motif : /);
  });

  it('the internship database filter: a bad year, an unknown state and a period ending before it starts, all at once', async () => {
    const { client } = await launchOffice(pstage);
    const page = await client.request('/office/internships?academicYear=2027&state=bogus&startFrom=2027-05-01&startTo=2027-04-01');
    expect(page.status).toBe(400);
    expect(summaryItems(page.text)).toEqual([
      'academicYear Année universitaire : Indiquez une année universitaire au format AAAA-AAAA.',
      'state État : Faites un choix.',
      'startTo Début jusqu&#39;au : La fin de la période doit être postérieure à son début.',
    ]);
    expect(missingAnchors(page.text)).toEqual([]);
    // The export of a filter in error goes back to the page that says why.
    expect((await client.request('/office/internships/export.csv?startFrom=2027-05-01&startTo=2027-04-01')).status).toBe(303);
  });
});
