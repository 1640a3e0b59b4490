import { BrowserlessClient } from '../../../support/browserlessClient';
import { useTestPstage } from '../../../support/pstage';
import { createHost } from './support';

const pstage = useTestPstage();

const pages = [
  '/office/organisations',
  '/office/organisations/1',
  '/office/organisations/1/edit',
  '/office/internships',
  '/office/internships/export.csv',
  '/office/statistics',
  '/office/staff',
  '/office/audit',
  '/office/deliveries',
];
const actions = [
  '/office/organisations/1/validate',
  '/office/organisations/1/edit',
  '/office/organisations/1/merge',
  '/office/staff/grant',
  '/office/staff/revoke',
  '/office/deliveries/1/retry',
];

/** A token of the user's own session, taken from a page of their own: the refusal must come from the role check, not CSRF. */
async function ownToken(client: BrowserlessClient, landing: string, fallback: string): Promise<string> {
  const match = /name="_csrf" value="([^"]+)"/.exec(landing) ?? /name="_csrf" value="([^"]+)"/.exec((await client.request(fallback)).text);
  if (!match) throw new Error("no CSRF token on the user's own pages");
  return match[1];
}

describe.each([
  ['a student', 'camille-martin', 'm1-info', '/student'],
  ['a programme head', 'jean-dupont', 'm1-info', '/student'],
])('%s', (_who, persona, link, fallback) => {
  it('gets 403 on every page and every action of the office administration, and nothing changes', async () => {
    const host = await createHost(pstage);
    const { client, page } = await pstage.launch(persona, link);
    expect(page.status).toBe(200);
    const csrf = await ownToken(client, page.text, fallback);
    for (const path of pages) expect([path, (await client.request(path)).status]).toEqual([path, 403]);
    for (const path of actions) {
      const response = await client.request(path, {
        form: {
          _csrf: csrf,
          userId: '1',
          reason: 'x',
          candidateId: '1',
          survivorId: '1',
          name: 'Pirate',
          country: 'FR',
          siret: '73282932000074',
          headcountBand: '0',
          sector: 'private',
          street: 'x',
          postalCode: '1',
          city: 'x',
        },
      });
      expect([path, response.status]).toEqual([path, 403]);
      expect(response.text).toContain('Vous n&#39;avez pas accès à cette page.');
    }
    const [unchanged] = await pstage.database.db.query.organisations.findMany();
    expect(unchanged).toMatchObject({ id: host.id, name: host.name, validated: false });
    expect(await pstage.database.db.query.officeGrants.findMany()).toHaveLength(0);
  });
});
