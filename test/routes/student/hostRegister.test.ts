import { eq } from 'drizzle-orm';
import { conventions, organisations, registerCache } from '../../../src/models/schema';
import { BrowserlessClient, type FormFields } from '../../support/browserlessClient';
import { startTestPstage, type TestPstage } from '../../support/pstage';
import { startRegisterStandIn, type RegisterStandIn } from '../../support/registerStandIn';
import { validPersonal } from '../../support/studentJourney';

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

/** A student's draft at the host step. */
async function atHostStep(persona = 'camille-martin') {
  const launched = await pstage.launch(persona, 'm1-info');
  const started = await launched.client.request('/student/conventions', {
    form: { _csrf: BrowserlessClient.csrfToken(launched.page.text) },
  });
  const base = started.location!.replace(/\/personal$/, '');
  expect((await launched.client.submit(`${base}/personal`, validPersonal)).location).toBe(`${base}/organisation`);
  return { client: launched.client, base };
}

const completion: FormFields = { phone: '04 72 00 00 00', email: 'stages@atelier.example.fr' };

/** The create form as the page shows it (hidden, prefilled and chosen values), with the student's additions. */
function formValues(html: string): FormFields {
  const form = html.slice(html.indexOf('action="/student/conventions/'), html.length).split('/organisation/create"')[1] ?? '';
  const values: FormFields = {};
  for (const match of form.split('</form>')[0].matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) values[match[1]] = match[2];
  for (const match of form.split('</form>')[0].matchAll(/<select[^>]*name="([^"]+)"[\s\S]*?<option value="([^"]*)" selected/g))
    values[match[1]] = match[2];
  for (const match of form.split('</form>')[0].matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"[^>]*checked/g))
    values[match[1]] = match[2];
  delete values._csrf;
  delete values.version;
  return values;
}

const decoded = (html: string) => html.replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('the host step with the national register', () => {
  it('a student finds their host by SIRET, takes it and only completes the contact details: the record is marked from the register', async () => {
    const { client, base } = await atHostStep();
    const found = await client.request(`${base}/organisation?lookup=732+829+320+00074`);
    expect(found.status).toBe(200);
    const text = decoded(found.text);
    expect(text).toContain('1 établissement trouvé dans le répertoire national');
    expect(text).toContain('ATELIER NUMERIQUE');
    expect(text).toContain('62.01Z');
    expect(text).toContain('SAS');
    expect(text).toContain('50-249');
    expect(text).toContain('En activité');
    const picked = await client.request(`${base}/organisation?lookup=73282932000074&pick=73282932000074`);
    const prefilled = formValues(picked.text);
    expect(prefilled).toMatchObject({
      name: 'ATELIER NUMERIQUE',
      siret: '73282932000074',
      street: '2 AV DE LA GARE',
      postalCode: '69001',
      city: 'LYON',
      naf: '62.01Z',
      headcountBand: '50-249',
      sector: 'private',
    });
    const created = await client.submit(
      `${base}/organisation?lookup=73282932000074&pick=73282932000074`,
      { ...prefilled, ...completion },
      `${base}/organisation/create`,
    );
    expect(created.location).toBe(`${base}/organisation#host-recap`);
    const [host] = await pstage.database.db.select().from(organisations);
    expect(host).toMatchObject({ siret: '73282932000074', source: 'register', phone: '04 72 00 00 00', validated: false });
    expect(host.registerCheckedAt).not.toBeNull();
    const [convention] = await pstage.database.db.select().from(conventions);
    expect(convention.organisationId).toBe(host.id);
  });

  it('a closed establishment is shown closed and cannot be chosen, picked or created', async () => {
    const { client, base } = await atHostStep();
    const found = decoded((await client.request(`${base}/organisation?lookup=732829320`)).text);
    expect(found).toContain('2 établissements trouvés');
    expect(found).toContain('Fermé');
    expect(found).toContain('Cet établissement est fermé');
    expect(found).toContain('name="pick" value="73282932000074"');
    expect(found).not.toContain('name="pick" value="73282932000041"');
    const picked = decoded((await client.request(`${base}/organisation?lookup=732829320&pick=73282932000041`)).text);
    expect(picked).toContain('Cet établissement est fermé');
    expect(formValues(picked).siret).toBeFalsy();
    const refused = await client.submit(
      `${base}/organisation`,
      {
        name: 'Atelier Numérique',
        country: 'FR',
        siret: '73282932000041',
        headcountBand: '0',
        sector: 'private',
        street: '10 rue des Closes',
        postalCode: '69002',
        city: 'Lyon',
      },
      `${base}/organisation/create`,
    );
    expect(refused.location).toBe(`${base}/organisation#siret`);
    expect(decoded((await client.request(`${base}/organisation`)).text)).toContain(
      "Cet établissement est fermé d'après le répertoire SIRENE",
    );
    expect(await pstage.database.db.select().from(organisations)).toHaveLength(0);
  });

  it('an establishment already in Pstage is marked known and chosen, and typing its SIRET again reuses the record', async () => {
    const first = await atHostStep();
    const prefilled = formValues((await first.client.request(`${first.base}/organisation?lookup=73282932000074&pick=73282932000074`)).text);
    await first.client.submit(`${first.base}/organisation`, prefilled, `${first.base}/organisation/create`);
    const [known] = await pstage.database.db.select().from(organisations);

    // Élodie reads Pstage in English.
    const second = await atHostStep('elodie-lefevre');
    const found = decoded((await second.client.request(`${second.base}/organisation?lookup=Atelier&lookupPlace=69001`)).text);
    expect(found).toContain('Already in Pstage');
    expect(found).toContain(`name="organisationId" value="${known.id}"`);
    const typed = await second.client.submit(
      `${second.base}/organisation`,
      {
        name: 'Atelier numérique (agence de Lyon)',
        country: 'FR',
        siret: '732 829 320 00074',
        headcountBand: '50-249',
        sector: 'private',
        street: '2 avenue de la Gare',
        postalCode: '69001',
        city: 'Lyon',
      },
      `${second.base}/organisation/create`,
    );
    expect(typed.location).toBe(`${second.base}/organisation?reused=1#host-recap`);
    expect(decoded((await second.client.request(`${second.base}/organisation?reused=1`)).text)).toContain('its record was used');
    expect(await pstage.database.db.select().from(organisations)).toHaveLength(1);
    const drafts = await pstage.database.db.select().from(conventions);
    expect(drafts.map((draft) => draft.organisationId)).toEqual([known.id, known.id]);
  });

  it('a look-alike record is proposed before a new one is made, and made once the student says it is another host', async () => {
    const first = await atHostStep();
    const prefilled = formValues((await first.client.request(`${first.base}/organisation?lookup=73282932000074&pick=73282932000074`)).text);
    await first.client.submit(`${first.base}/organisation`, prefilled, `${first.base}/organisation/create`);
    const second = await atHostStep('elodie-lefevre');
    const lookAlike = {
      name: 'Atelier Numérique SARL',
      country: 'FR',
      siret: '55210055400013',
      headcountBand: '1-9',
      sector: 'private',
      street: '5 rue Neuve',
      postalCode: '69001',
      city: 'Lyon',
    };
    const proposed = await second.client.submit(`${second.base}/organisation`, lookAlike, `${second.base}/organisation/create`);
    expect(proposed.location).toBe(`${second.base}/organisation#probable-duplicates`);
    const page = decoded((await second.client.request(`${second.base}/organisation`)).text);
    expect(page).toContain('This host may already exist');
    expect(page).toContain('ATELIER NUMERIQUE');
    expect(page).toContain('value="55210055400013"');
    expect(await pstage.database.db.select().from(organisations)).toHaveLength(1);
    const confirmed = await second.client.submit(
      `${second.base}/organisation`,
      { ...lookAlike, notDuplicate: 'yes' },
      `${second.base}/organisation/create`,
    );
    expect(confirmed.location).toBe(`${second.base}/organisation#host-recap`);
    const rows = await pstage.database.db.select().from(organisations).where(eq(organisations.siret, '55210055400013'));
    expect(rows).toMatchObject([{ source: 'manual' }]);
  });

  it('when the register rate-limits or is down, the student is told and enters the host by hand', async () => {
    const { client, base } = await atHostStep();
    expect(decoded((await client.request(`${base}/organisation?lookup=limite`)).text)).toContain(
      'Le répertoire national reçoit trop de demandes',
    );
    expect(decoded((await client.request(`${base}/organisation?lookup=panne`)).text)).toContain('Le répertoire national ne répond pas');
    expect(await pstage.database.db.select().from(registerCache)).toHaveLength(0);
    const created = await client.submit(
      `${base}/organisation`,
      {
        name: 'Boulangerie Dupain',
        country: 'FR',
        siret: '55210055400013',
        headcountBand: '1-9',
        sector: 'private',
        street: '1 rue du Four',
        postalCode: '33000',
        city: 'Bordeaux',
      },
      `${base}/organisation/create`,
    );
    expect(created.location).toBe(`${base}/organisation#host-recap`);
    expect(await pstage.database.db.select().from(organisations)).toMatchObject([{ source: 'manual' }]);
  });
});
