import { eq, sql } from 'drizzle-orm';
import { organisations } from '../../../../src/models/schema';
import { summaryItems } from '../../../support/errorSummary';
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
});
