import type { Clock } from '../../../src/clock';
import type { DatabaseHandle } from '../../../src/models/database';
import { organisationRepository } from '../../../src/models/organisationRepository';
import { inseeSireneSource } from '../../../src/services/register/inseeSirene';
import { lookUpRegister, registerEstablishment } from '../../../src/services/register/lookUpRegister';
import { rechercheEntreprisesSource } from '../../../src/services/register/rechercheEntreprises';
import { openTestDatabase, truncateAll } from '../../support/database';
import { testClock } from '../../support/clock';
import { startRegisterStandIn, standInKey, type RegisterStandIn } from '../../support/registerStandIn';

let standIn: RegisterStandIn;
let database: DatabaseHandle;
let instant: Date;
const clock: Clock = { now: () => instant, today: () => testClock.today() };

beforeAll(async () => {
  standIn = await startRegisterStandIn();
  database = await openTestDatabase();
});
afterAll(async () => {
  await standIn.close();
  await database.close();
});
beforeEach(async () => {
  await truncateAll(database);
  standIn.requests.length = 0;
  instant = testClock.now();
});

const sources = () =>
  [
    ['Recherche d’entreprises', rechercheEntreprisesSource(standIn.url)],
    ['INSEE Sirene 3.11', inseeSireneSource(standIn.url, standInKey)],
  ] as const;

describe.each(['recherche-entreprises', 'insee'])('the %s register', (name) => {
  const context = () => ({
    db: database.db,
    clock,
    source: sources().find(([, source]) => source.name === name)![1],
  });

  it('finds an establishment by SIRET with its name, address, NAF, legal status, headcount band and state', async () => {
    const found = await lookUpRegister(context(), '732 829 320 00074');
    expect(found).toEqual({
      status: 'found',
      establishments: [
        {
          siret: '73282932000074',
          siren: '732829320',
          name: 'ATELIER NUMERIQUE',
          street: '2 AV DE LA GARE',
          postalCode: '69001',
          city: 'LYON',
          naf: '62.01Z',
          legalStatus: 'SAS',
          headcountBand: '50-249',
          sector: 'private',
          active: true,
          diffusible: true,
          knownId: null,
        },
      ],
    });
  });

  it('finds the establishments of a SIREN and of a name in a postcode, the closed one marked closed', async () => {
    for (const [text, place] of [
      ['732829320', ''],
      ['Atelier', ''],
    ]) {
      const found = await lookUpRegister(context(), text, place);
      if (found.status !== 'found') throw new Error(found.status);
      expect(found.establishments.map((e) => [e.siret, e.active])).toEqual([
        ['73282932000074', true],
        ['73282932000041', false],
      ]);
    }
  });

  it('marks the establishments Pstage already holds', async () => {
    const known = await organisationRepository.create(database.db, {
      name: 'Atelier Numérique',
      siret: '73282932000074',
      street: '2 avenue de la Gare',
      postalCode: '69001',
      city: 'Lyon',
      country: 'FR',
      sector: 'private',
    });
    const found = await lookUpRegister(context(), '732829320');
    if (found.status !== 'found') throw new Error(found.status);
    expect(found.establishments.map((e) => e.knownId)).toEqual([known.id, null]);
  });

  it('leaves out what a non-diffusible person keeps hidden', async () => {
    const establishment = await registerEstablishment(context(), '12345680800013');
    expect(establishment).toMatchObject({
      diffusible: false,
      street: '',
      postalCode: '75011',
      city: 'PARIS',
      legalStatus: 'Entrepreneur individuel',
    });
  });

  it('answers "nothing found" for an unknown establishment', async () => {
    expect(await lookUpRegister(context(), '55210055400013')).toEqual({ status: 'found', establishments: [] });
  });

  it('says rate-limited on a 429, unavailable on a 500 or after 2 s without an answer', async () => {
    expect(await lookUpRegister(context(), 'limite')).toEqual({ status: 'rateLimited' });
    expect(await lookUpRegister(context(), 'panne')).toEqual({ status: 'unavailable' });
    const started = Date.now();
    expect(await lookUpRegister(context(), 'lent')).toEqual({ status: 'unavailable' });
    expect(Date.now() - started).toBeLessThan(2_900);
  });

  it('asks the register once a day for the same query', async () => {
    await lookUpRegister(context(), 'Atelier');
    await lookUpRegister(context(), 'Atelier');
    expect(standIn.requests).toHaveLength(1);
    instant = new Date(instant.getTime() + 25 * 60 * 60 * 1000);
    await lookUpRegister(context(), 'Atelier');
    expect(standIn.requests).toHaveLength(2);
  });

  it('refuses a SIRET whose checksum fails without asking the register', async () => {
    expect(await lookUpRegister(context(), '73282932000075')).toEqual({ status: 'invalid' });
    expect(standIn.requests).toHaveLength(0);
  });
});

it('INSEE is asked with the integration key in its header', async () => {
  await lookUpRegister({ db: database.db, clock, source: inseeSireneSource(standIn.url, standInKey) }, '73282932000074');
  expect(standIn.requests).toEqual([{ path: '/siret/73282932000074', apiKey: standInKey }]);
});

it('with no register configured, the lookup is off', async () => {
  expect(await lookUpRegister({ db: database.db, clock, source: null }, 'Atelier')).toEqual({ status: 'off' });
});
