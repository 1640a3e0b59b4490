import { eq } from 'drizzle-orm';
import { auditLog, organisations } from '../../../../src/models/schema';
import { startTestPstage, type TestPstage } from '../../../support/pstage';
import { startRegisterStandIn, type RegisterStandIn } from '../../../support/registerStandIn';
import { createHost, launchOffice, post } from './support';

let standIn: RegisterStandIn;
let pstage: TestPstage;
beforeAll(async () => {
  standIn = await startRegisterStandIn();
  pstage = await startTestPstage({ SIRENE_SOURCE: 'recherche-entreprises', SIRENE_BASE_URL: standIn.url });
}, 90_000);
afterAll(async () => {
  await pstage?.stop();
  await standIn?.close();
});
beforeEach(async () => pstage.reset());

const decoded = (html: string) => html.replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const row = async (id: number) => (await pstage.database.db.select().from(organisations).where(eq(organisations.id, id)))[0];

describe('the office refreshes a host from the national register', () => {
  it('shows a host entered by hand as such, then applies and shows what the register changed, audited', async () => {
    const host = await createHost(pstage, { name: 'Atelier Numérique', street: '1 rue Haute', headcountBand: '1-9' });
    const { client, csrf } = await launchOffice(pstage);
    expect(decoded((await client.request('/office/organisations?name=atelier')).text)).toContain('Saisie manuelle');
    const before = decoded((await client.request(`/office/organisations/${host.id}`)).text);
    expect(before).toContain('Saisie manuelle');
    const refreshed = await post(client, csrf, `/office/organisations/${host.id}/refresh`, { version: '1' });
    expect(refreshed.location).toBe(`/office/organisations/${host.id}#register-refresh`);
    const page = decoded((await client.request(`/office/organisations/${host.id}`)).text);
    expect(page).toContain('La fiche a été mise à jour depuis le répertoire national.');
    expect(page).toMatch(/<th scope="row">Adresse<\/th><td>1 rue Haute<\/td><td>2 AV DE LA GARE<\/td>/);
    expect(page).toMatch(/<th scope="row">Effectif<\/th><td>1-9<\/td><td>50-249<\/td>/);
    expect(page).toContain('Répertoire national');
    expect(await row(host.id)).toMatchObject({
      street: '2 AV DE LA GARE',
      headcountBand: '50-249',
      naf: '62.01Z',
      source: 'register',
      version: 2,
    });
    const [entry] = await pstage.database.db.select().from(auditLog).where(eq(auditLog.action, 'organisation.refresh'));
    expect(entry.details).toEqual({
      changes: expect.arrayContaining([{ field: 'street', before: '1 rue Haute', after: '2 AV DE LA GARE' }]),
    });
  });

  it('a locked record only shows the differences; a closed establishment changes nothing; a stale page is a conflict', async () => {
    const host = await createHost(pstage, { name: 'Atelier Numérique', street: '1 rue Haute' });
    const { client, csrf } = await launchOffice(pstage);
    expect((await post(client, csrf, `/office/organisations/${host.id}/lock`, { version: '1', locked: 'true' })).location).toBe(
      `/office/organisations/${host.id}?done=locked`,
    );
    await post(client, csrf, `/office/organisations/${host.id}/refresh`, { version: '2' });
    const page = decoded((await client.request(`/office/organisations/${host.id}`)).text);
    expect(page).toContain("La fiche est verrouillée : les différences ci-dessous n'ont pas été appliquées.");
    expect(page).toContain('2 AV DE LA GARE');
    expect(await row(host.id)).toMatchObject({ street: '1 rue Haute', registerLocked: true, version: 2 });

    const closed = await createHost(pstage, { name: 'Atelier Numérique', siret: '73282932000041', postalCode: '69002' });
    await post(client, csrf, `/office/organisations/${closed.id}/refresh`, { version: '1' });
    expect(decoded((await client.request(`/office/organisations/${closed.id}`)).text)).toContain('cet établissement est fermé');
    expect(await row(closed.id)).toMatchObject({ version: 1, source: 'manual' });

    const stale = await post(client, csrf, `/office/organisations/${host.id}/lock`, { version: '1', locked: 'false' });
    expect(stale.location).toBe(`/office/organisations/${host.id}`);
    expect(await row(host.id)).toMatchObject({ registerLocked: true });
  });
});

it("the office's list of hosts names the probable duplicates: same name or same SIREN in one postcode, not the same name elsewhere", async () => {
  const a = await createHost(pstage, { name: 'Atelier Numérique' });
  await createHost(pstage, { name: 'ATELIER NUMERIQUE SAS', siret: '55210055400013' });
  await createHost(pstage, { name: 'AN agence', siret: '73282932000041' });
  await createHost(pstage, { name: 'Atelier Numérique', siret: null, postalCode: '75011', city: 'Paris' });
  const { client } = await launchOffice(pstage);
  const page = decoded((await client.request('/office/organisations')).text);
  expect(page).toContain('2 doublons probables');
  expect(page).toContain('Comparer « Atelier Numérique (73282932000074) » et « ATELIER NUMERIQUE SAS (55210055400013) »');
  expect(page).toContain('Comparer « Atelier Numérique (73282932000074) » et « AN agence (73282932000041) »');
  expect(page.match(new RegExp(`href="/office/organisations/${a.id}#duplicates-title"`, 'g'))).toHaveLength(2);
});
