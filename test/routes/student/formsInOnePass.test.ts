import { eq } from 'drizzle-orm';
import { conventions, organisations, users } from '../../../src/models/schema';
import { decideSubjects } from '../../../src/services/programme/subjectDecisions';
import { testClock } from '../../support/clock';
import { BrowserlessClient, type FormFields } from '../../support/browserlessClient';
import { useTestPstage } from '../../support/pstage';
import {
  fillStepsBeforeInternship,
  proposeSubject,
  validInternship,
  validOrganisation,
  validPersonal,
  validService,
} from '../../support/studentJourney';

const pstage = useTestPstage();

async function startDraft() {
  const launched = await pstage.launch('camille-martin', 'm1-info');
  const started = await launched.client.request('/student/conventions', {
    form: { _csrf: BrowserlessClient.csrfToken(launched.page.text) },
  });
  return { client: launched.client, base: started.location!.replace(/\/personal$/, '') };
}

/** The error summary's items, in order, as the student reads them. */
function summaryItems(html: string): string[] {
  const summary = /<div class="alert alert-danger error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/<li><a[^>]*>([^<]*)<\/a><\/li>/g)].map((match) => match[1].replace(/&#39;/g, "'"));
}

const savedStudent = async () => (await pstage.database.db.select().from(conventions))[0].student;

describe('the wizard shows every error of a form in one pass, in form order, with the fields’ own labels', () => {
  it('a wrong postcode, a bad SIRET and a missing name on the host form come back together', async () => {
    const { client, base } = await startDraft();
    await client.submit(`${base}/personal`, validPersonal);
    const posted = await client.submit(
      `${base}/organisation`,
      { ...validOrganisation, name: '', siret: '73282932000075', postalCode: '6900' },
      `${base}/organisation/create`,
    );
    expect(posted.location).toBe(`${base}/organisation`);
    const page = await client.request(`${base}/organisation`);
    expect(summaryItems(page.text)).toEqual([
      'Raison sociale : Ce champ est obligatoire.',
      "SIRET : Ce SIRET n'est pas valide : vérifiez les chiffres (la clé de contrôle ne correspond pas).",
      'Code postal : Un code postal français compte 5 chiffres, par exemple 75005.',
    ]);
    for (const field of ['name', 'siret', 'postalCode']) expect(page.text).toContain(`id="${field}-error"`);
    expect(await pstage.database.db.select().from(organisations)).toHaveLength(0);
  });

  it('an end before the start shows with the other errors of the internship step', async () => {
    const { client, base } = await startDraft();
    await client.submit(`${base}/personal`, validPersonal);
    await client.submit(`${base}/organisation`, validOrganisation, `${base}/organisation/create`);
    await client.submit(`${base}/service`, validService);
    await client.submit(`${base}/tutor`, {
      choice: 'new',
      civility: 'M.',
      firstName: 'Paul',
      lastName: 'Durand',
      function: 'Chef de projet',
      email: 'paul.durand@example.fr',
    });
    const { startDate, endDate } = validInternship as { startDate: string; endDate: string };
    const posted = await client.submit(`${base}/internship`, {
      ...validInternship,
      activities: '',
      startDate: endDate,
      endDate: startDate,
      nightPresence: '',
    });
    expect(posted.location).toBe(`${base}/internship`);
    const page = await client.request(`${base}/internship`);
    expect(summaryItems(page.text)).toEqual([
      'Activités confiées : Ce champ est obligatoire.',
      'Date de fin : La date de fin doit être postérieure à la date de début.',
      'Présence la nuit ? : Faites un choix.',
    ]);
  });

  it('the service step names its field "Nom du service" in the summary, and required choices are marked', async () => {
    const { client, base } = await startDraft();
    const personal = await client.request(`${base}/personal`);
    expect(personal.text).toMatch(
      /<legend class="form-label fs-6">Civilité <span aria-hidden="true" class="text-danger">\*<\/span><\/legend>/,
    );
    expect(personal.text).not.toMatch(/Adresse électronique personnelle <span aria-hidden="true"/);
    await client.submit(`${base}/personal`, validPersonal);
    await client.submit(`${base}/organisation`, validOrganisation, `${base}/organisation/create`);
    await client.submit(`${base}/service`, { choice: 'new', name: '', sameAddress: 'no', postalCode: '' });
    const page = await client.request(`${base}/service`);
    expect(summaryItems(page.text)).toEqual([
      'Nom du service : Ce champ est obligatoire.',
      'Adresse : Ce champ est obligatoire.',
      'Code postal : Ce champ est obligatoire.',
      'Ville : Ce champ est obligatoire.',
    ]);
  });
});

describe('French formats are checked where they are typed, and stored normalised', () => {
  const personalWith = async (fields: FormFields) => {
    const { client, base } = await startDraft();
    const posted = await client.submit(`${base}/personal`, { ...validPersonal, ...fields });
    return { client, base, accepted: posted.location === `${base}/organisation`, page: () => client.request(`${base}/personal`) };
  };

  it.each([
    ['a NIR with its key, spaced', '2 01 05 75 005 123 58', '201057500512358'],
    ['a NIR born in Corse-du-Sud (2A)', '1 85 01 2A 123 456 66', '185012A12345666'],
    ['a NIR born in Haute-Corse (2B)', '185012B12345693', '185012B12345693'],
    ['a provisional number', '785029900001210', '785029900001210'],
  ])('accepts %s', async (_case, typed, stored) => {
    const { accepted } = await personalWith({ healthInsuranceAffiliation: typed });
    expect(accepted).toBe(true);
    expect((await savedStudent()).healthInsuranceAffiliation).toBe(stored);
  });

  it.each([
    ['a NIR whose key does not match', '201057500512359', 'la clé (les 2 derniers chiffres) ne correspond pas'],
    ['13 digits without the key', '2010575005123', 'compte 13 chiffres et une clé'],
    ['a month 13', '201137500512358', 'compte 13 chiffres et une clé'],
  ])('refuses %s', async (_case, typed, message) => {
    const { accepted, page } = await personalWith({ healthInsuranceAffiliation: typed });
    expect(accepted).toBe(false);
    expect((await page()).text).toContain(message);
  });

  it.each([
    ['a postcode of 4 digits', { postalCode: '7500' }, 'Un code postal français compte 5 chiffres'],
    ['a Paris postcode for Lyon', { postalCode: '75005', city: 'Lyon' }, 'Ce code postal ne correspond pas à la ville'],
    ['a phone of 3 digits', { phone: '123' }, 'Saisissez un numéro de téléphone valide'],
    ['a country that is not in the list', { country: 'XX' }, 'Choisissez un pays dans la liste'],
  ])('refuses %s', async (_case, fields, message) => {
    const { accepted, page } = await personalWith(fields);
    expect(accepted).toBe(false);
    expect((await page()).text).toContain(message);
  });

  it.each([
    ['a French mobile in the international form', { phone: '+33 6 01 02 03 04' }, { phone: '06 01 02 03 04' }],
    ['a German number', { phone: '0049 30 1234567' }, { phone: '+49 30 1234567' }],
    ['a postcode in an arrondissement of Lyon', { postalCode: '69003', city: 'Lyon 3e' }, { postalCode: '69003' }],
    [
      'a Belgian address with its own postcode',
      { postalCode: '1000', city: 'Bruxelles', country: 'BE' },
      { country: 'BE', postalCode: '1000' },
    ],
  ])('accepts %s', async (_case, fields, stored) => {
    const { accepted } = await personalWith(fields);
    expect(accepted).toBe(true);
    expect(await savedStudent()).toMatchObject(stored);
  });

  it('offers the countries as a list named in the page language, France chosen by default', async () => {
    const { client, base } = await startDraft();
    const page = await client.request(`${base}/personal`);
    expect(page.text).toMatch(/<select class="form-select" id="country" name="country"/);
    expect(page.text).toContain('<option value="FR" selected>France</option>');
    expect(page.text).toContain('<option value="DE">Allemagne</option>');
  });

  it('stores a NAF code typed 6201z as 62.01Z, and refuses one that is not a code', async () => {
    const { client, base } = await startDraft();
    await client.submit(`${base}/personal`, validPersonal);
    await client.submit(`${base}/organisation`, { ...validOrganisation, naf: '62 01 A 1' }, `${base}/organisation/create`);
    expect((await client.request(`${base}/organisation`)).text).toContain('Le code NAF/APE s&#39;écrit 4 chiffres et une lettre');
    await client.submit(`${base}/organisation`, { ...validOrganisation, naf: '6201z' }, `${base}/organisation/create`);
    const [host] = await pstage.database.db.select().from(organisations);
    expect(host.naf).toBe('62.01Z');
  });
});

describe('the wizard reuses what is known', () => {
  it('a second convention starts from the personal data of the first, the launch keeping the name', async () => {
    const first = await startDraft();
    await first.client.submit(`${first.base}/personal`, { ...validPersonal, street: '3 rue Mouffetard', phone: '0611223344' });
    const second = await startDraft();
    expect(second.base).not.toBe(first.base);
    const page = await second.client.request(`${second.base}/personal`);
    expect(page.text).toContain('value="3 rue Mouffetard"');
    expect(page.text).toContain('value="06 11 22 33 44"');
    expect(page.text).toContain('value="201057500512358"');
    expect(page.text).toContain('value="Camille"');
  });

  it('the internship step starts from the validated subject: its title and description, and its dates', async () => {
    const { client, page } = await pstage.launch('camille-martin', 'm1-info');
    const subject = await proposeSubject(pstage, client, { title: 'Analyse de logs', description: 'Détecter les anomalies' });
    await pstage.launch('jean-dupont', 'm1-info');
    const [head] = await pstage.database.db.select().from(users).where(eq(users.email, 'jean.dupont@univ.example.fr'));
    await decideSubjects(
      pstage.database.db,
      { programmeId: subject.programmeId, actorUserId: head.id, subjectIds: [subject.id], decision: 'validate' },
      testClock,
    );
    const started = await client.request('/student/conventions', { form: { _csrf: BrowserlessClient.csrfToken(page.text) } });
    const base = started.location!.replace(/\/personal$/, '');
    await fillStepsBeforeInternship(client, base);
    const step = await client.request(`${base}/internship`);
    expect(step.text).toContain('Analyse de logs\nDétecter les anomalies</textarea>');
    expect(step.text).toContain(`value="${subject.approximateStart}"`);
    expect(step.text).toContain(`value="${subject.approximateEnd}"`);
  });
});
